-- title = "Projects by country: map"
-- subtitle = "Countries and territories named as where a project works, or whose migrants it concerns"
-- chart = "map"
-- order = 52
-- iso3 = "iso3"
-- value = "projects"
-- legend = "Projects"
-- # `projects.countries` holds each of a project's ISO 3166-1 alpha-3
-- # codes once: after UNNEST, COUNT(*) counts projects (as in
-- # projects_by_country.sql, by code instead of name, and every country,
-- # not the top 20). UNNEST gives NULL for an empty list: those are dropped.
SELECT iso3, COUNT(*) AS projects
FROM projects
CROSS JOIN UNNEST(countries) AS c(iso3)
WHERE iso3 IS NOT NULL
GROUP BY iso3
ORDER BY projects DESC, iso3

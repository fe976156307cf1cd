-- title = "Projects by country (top 20)"
-- subtitle = "Countries and territories named as where a project works, or whose migrants it concerns"
-- chart = "hbar"
-- order = 50
-- x = "country"
-- y = "projects"
-- x_title = "Country or territory"
-- y_title = "Projects"
-- # `projects.country_names` holds each of a project's countries once:
-- # after UNNEST, COUNT(*) counts projects. The same counts as a
-- # COUNT(DISTINCT project_id) by name over `project_places` (five place
-- # rows a project), which took 280 MiB for a million projects, alone,
-- # against 220. UNNEST gives NULL for an empty list: those are dropped.
SELECT country, COUNT(*) AS projects
FROM projects
CROSS JOIN UNNEST(country_names) AS c(country)
WHERE country IS NOT NULL
GROUP BY country
ORDER BY projects DESC, country
LIMIT 20

-- title = "Projects by sub-region"
-- subtitle = "UN M49 sub-regions of the countries and regional phrases named"
-- chart = "hbar"
-- order = 40
-- x = "subregion"
-- y = "projects"
-- x_title = "M49 sub-region"
-- y_title = "Projects"
-- # `projects.subregions` holds each of a project's sub-regions once: one
-- # row per project and sub-region after UNNEST, so COUNT(*) counts
-- # projects, instead of a COUNT(DISTINCT) over the four million rows of
-- # `project_regions` for a million projects. UNNEST gives NULL for an
-- # empty list: those are dropped.
SELECT subregion, COUNT(*) AS projects
FROM projects
CROSS JOIN UNNEST(subregions) AS s(subregion)
WHERE subregion IS NOT NULL
GROUP BY subregion
ORDER BY projects DESC, subregion

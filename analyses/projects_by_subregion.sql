-- title = "Projects by sub-region"
-- subtitle = "UN M49 sub-regions of the countries and regional phrases named"
-- chart = "hbar"
-- order = 40
-- x = "subregion"
-- y = "projects"
-- x_title = "M49 sub-region"
-- y_title = "Projects"
SELECT subregion, COUNT(DISTINCT project_id) AS projects
FROM project_regions
WHERE subregion IS NOT NULL
GROUP BY subregion
ORDER BY projects DESC, subregion

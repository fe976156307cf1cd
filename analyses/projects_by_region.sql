-- title = "Projects by region"
-- subtitle = "UN M49 regions a project works in, from the countries and regions its text names"
-- chart = "bar"
-- order = 30
-- x = "region"
-- y = "projects"
-- x_title = "M49 region"
-- y_title = "Projects"
SELECT region, COUNT(DISTINCT project_id) AS projects
FROM project_regions
GROUP BY region
ORDER BY projects DESC, region

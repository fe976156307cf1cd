-- title = "Projects active per year"
-- subtitle = "A project counts in every calendar year from its start to its end"
-- chart = "bar"
-- order = 70
-- x = "year"
-- y = "projects"
-- x_title = "Year"
-- y_title = "Active projects"
SELECT year, COUNT(DISTINCT project_id) AS projects
FROM project_years
GROUP BY year
ORDER BY year

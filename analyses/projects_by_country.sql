-- title = "Projects by country (top 20)"
-- subtitle = "Countries and territories named as where a project works, or whose migrants it concerns"
-- chart = "hbar"
-- order = 50
-- x = "country"
-- y = "projects"
-- x_title = "Country or territory"
-- y_title = "Projects"
SELECT name AS country, COUNT(DISTINCT project_id) AS projects
FROM project_places
GROUP BY name
ORDER BY projects DESC, country
LIMIT 20

-- title = "Migration corridors"
-- subtitle = "Origin → destination pairs named in one sentence (“from Senegal … to Spain”)"
-- chart = "matrix"
-- order = 90
-- x = "destination"
-- y = "origin"
-- value = "projects"
-- x_title = "Destination"
-- y_title = "Origin"
SELECT origin_name AS origin, destination_name AS destination,
       COUNT(DISTINCT project_id) AS projects
FROM corridors
GROUP BY origin_name, destination_name
ORDER BY origin, destination

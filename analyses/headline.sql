-- title = "Headline figures"
-- chart = "figures"
-- order = 1
-- # One row; each column is a figure at the top of the report, labelled by
-- # its name.
-- # Funders are counted from `projects.funders` (each project's funder
-- # codes, once each): the same codes as the funder rows of
-- # `project_organisations`, at a fraction of the memory, since the
-- # projects are read for the other figures anyway. UNNEST gives NULL for
-- # an empty list, and COUNT(DISTINCT) would count it.
WITH p AS (
    SELECT COUNT(*) AS "projects",
           SUM(CASE WHEN ARRAY_LENGTH(funders) > 0 THEN 1 ELSE 0 END) AS "name a funder",
           MEDIAN(duration_months) AS "median duration (months)",
           CAST(EXTRACT(YEAR FROM MIN(start)) AS VARCHAR) || '–'
               || CAST(EXTRACT(YEAR FROM MAX(COALESCE("end", start))) AS VARCHAR) AS "years covered"
    FROM projects
),
f AS (
    SELECT COUNT(DISTINCT funder) AS "funders"
    FROM projects CROSS JOIN UNNEST(funders) AS f(funder)
    WHERE funder IS NOT NULL
),
c AS (
    SELECT COUNT(DISTINCT iso3) AS "countries and territories"
    FROM project_places
)
SELECT p."projects", p."name a funder", f."funders", c."countries and territories",
       p."median duration (months)", p."years covered"
FROM p CROSS JOIN f CROSS JOIN c

//! The one vocabulary of field labels and table column headers, and what
//! each means.
//!
//! This is the grammar of the listing format, not facts about the world, so
//! it lives beside the parser; every step reads it from here (the layout
//! rules, the date fields, the normaliser's funders and places). Any
//! `Label: value` line is a field whatever its label; a label found here
//! may also be written `Label – value`, never makes a title by itself, and
//! says what its value holds.
//!
//! ```
//! use devcoop_ingest::labels::{meaning, Meaning};
//! assert_eq!(meaning("Donor(s)"), Some(Meaning::Funder));
//! assert_eq!(meaning("Project  Title"), Some(Meaning::Title));
//! assert_eq!(meaning("Starting date"), Some(Meaning::Start));
//! assert_eq!(meaning("Budget (USD)"), Some(Meaning::Budget));
//! assert_eq!(meaning("Favourite colour"), None);
//! ```

use crate::record::normalise_label;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::sync::LazyLock;

/// What a field's value holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Meaning {
    /// The project's name: `Project title: …`.
    Title,
    /// The project's dates, both ends or one: `Duration: 2019 – 2021`.
    Dates,
    /// Only the start: `Starting date: 1 March 2019`.
    Start,
    /// Only the end: `Completion date: 31 May 2021`.
    End,
    /// Who pays: `Donor: …`, `Funded by: …`.
    Funder,
    /// Who carries the project out: `Implementing agency: …`.
    Implementer,
    /// Who takes part otherwise: `Partners: …`.
    Partner,
    /// Where the project works: `Country: …`, `Location: …`.
    Places,
    /// Money: `Budget: US$ 750,000`.
    Budget,
    /// Sentences never split into names: `Objective: …`, `Summary: …`.
    Prose,
    /// A label of the format with nothing to interpret: `Sector:`,
    /// `Status:`, `Project code:`.
    Other,
}

/// Every known label (lower case, single-spaced) and its meaning, in
/// English, French and Spanish (and a few German) as listings print them.
pub const VOCABULARY: &[(&str, Meaning)] = &[
    // Title
    ("project", Meaning::Title),
    ("project title", Meaning::Title),
    ("project name", Meaning::Title),
    ("name of project", Meaning::Title),
    ("name of the project", Meaning::Title),
    ("title", Meaning::Title),
    ("title of project", Meaning::Title),
    ("title of the project", Meaning::Title),
    ("programme title", Meaning::Title),
    ("program title", Meaning::Title),
    ("programme name", Meaning::Title),
    ("program name", Meaning::Title),
    ("grant title", Meaning::Title),
    ("grant name", Meaning::Title),
    ("activity title", Meaning::Title),
    ("research title", Meaning::Title),
    ("study title", Meaning::Title),
    ("assignment title", Meaning::Title),
    ("assignment name", Meaning::Title),
    ("activity name", Meaning::Title),
    ("action title", Meaning::Title),
    ("projet", Meaning::Title),
    ("projekt", Meaning::Title),
    ("vorhaben", Meaning::Title),
    ("projekttitel", Meaning::Title),
    ("projektname", Meaning::Title),
    ("titel", Meaning::Title),
    ("progetto", Meaning::Title),
    ("titolo", Meaning::Title),
    ("titolo del progetto", Meaning::Title),
    ("projeto", Meaning::Title),
    ("título do projeto", Meaning::Title),
    ("nome do projeto", Meaning::Title),
    ("projectnaam", Meaning::Title),
    ("projecttitel", Meaning::Title),
    ("titre", Meaning::Title),
    ("titre du projet", Meaning::Title),
    ("intitulé", Meaning::Title),
    ("intitulé du projet", Meaning::Title),
    ("nom du projet", Meaning::Title),
    ("proyecto", Meaning::Title),
    ("título", Meaning::Title),
    ("título del proyecto", Meaning::Title),
    ("nombre del proyecto", Meaning::Title),
    // Dates
    ("date", Meaning::Dates),
    ("dates", Meaning::Dates),
    ("duration", Meaning::Dates),
    ("project duration", Meaning::Dates),
    ("period", Meaning::Dates),
    ("project period", Meaning::Dates),
    ("implementation period", Meaning::Dates),
    ("period of implementation", Meaning::Dates),
    ("project dates", Meaning::Dates),
    ("time frame", Meaning::Dates),
    ("date range", Meaning::Dates),
    ("start and end date", Meaning::Dates),
    ("start and end dates", Meaning::Dates),
    ("timeframe", Meaning::Dates),
    ("timeline", Meaning::Dates),
    ("project cycle", Meaning::Dates),
    ("project life", Meaning::Dates),
    ("life of project", Meaning::Dates),
    ("project lifetime", Meaning::Dates),
    ("project term", Meaning::Dates),
    ("implementation dates", Meaning::Dates),
    ("year", Meaning::Dates),
    ("years", Meaning::Dates),
    ("anno", Meaning::Dates),
    ("anni", Meaning::Dates),
    ("año", Meaning::Dates),
    ("años", Meaning::Dates),
    ("ano", Meaning::Dates),
    ("anos", Meaning::Dates),
    ("année", Meaning::Dates),
    ("années", Meaning::Dates),
    ("jahr", Meaning::Dates),
    ("jahre", Meaning::Dates),
    ("jaar", Meaning::Dates),
    ("durée", Meaning::Dates),
    ("runtime", Meaning::Dates),
    ("laufzeit", Meaning::Dates),
    ("dauer", Meaning::Dates),
    ("projektdauer", Meaning::Dates),
    ("looptijd", Meaning::Dates),
    ("periode", Meaning::Dates),
    ("projectperiode", Meaning::Dates),
    ("plazo de ejecución", Meaning::Dates),
    ("période", Meaning::Dates),
    ("période de mise en œuvre", Meaning::Dates),
    ("dates du projet", Meaning::Dates),
    ("duración", Meaning::Dates),
    ("período", Meaning::Dates),
    ("periodo", Meaning::Dates),
    ("período de ejecución", Meaning::Dates),
    ("periodo de ejecución", Meaning::Dates),
    ("fechas", Meaning::Dates),
    ("overall term", Meaning::Dates),
    ("term", Meaning::Dates),
    ("période du projet", Meaning::Dates),
    ("durée du projet", Meaning::Dates),
    ("vigencia", Meaning::Dates),
    ("vigência", Meaning::Dates),
    ("duración del proyecto", Meaning::Dates),
    ("projektlaufzeit", Meaning::Dates),
    ("projektperiod", Meaning::Dates),
    ("projektperiode", Meaning::Dates),
    ("gesamtlaufzeit", Meaning::Dates),
    ("projektzeitraum", Meaning::Dates),
    ("zeitraum", Meaning::Dates),
    ("implementierungszeitraum", Meaning::Dates),
    ("durchführungszeitraum", Meaning::Dates),
    ("umsetzungszeitraum", Meaning::Dates),
    ("förderzeitraum", Meaning::Dates),
    ("durata", Meaning::Dates),
    ("durata del progetto", Meaning::Dates),
    ("duração", Meaning::Dates),
    ("período de execução", Meaning::Dates),
    ("periodo di attuazione", Meaning::Dates),
    ("when", Meaning::Dates),
    ("grant period", Meaning::Dates),
    ("funding period", Meaning::Dates),
    ("okres realizacji", Meaning::Dates),
    ("termin realizacji", Meaning::Dates),
    ("czas trwania", Meaning::Dates),
    ("projectduur", Meaning::Dates),
    ("duur", Meaning::Dates),
    ("période de réalisation", Meaning::Dates),
    ("période d'exécution", Meaning::Dates),
    ("periodo di realizzazione", Meaning::Dates),
    ("start date", Meaning::Start),
    ("starting date", Meaning::Start),
    ("start", Meaning::Start),
    ("started", Meaning::Start),
    ("year started", Meaning::Start),
    ("starts", Meaning::Start),
    ("beginning", Meaning::Start),
    ("commencement date", Meaning::Start),
    ("launch date", Meaning::Start),
    ("date launched", Meaning::Start),
    ("date of award", Meaning::Start),
    ("award date", Meaning::Start),
    ("date awarded", Meaning::Start),
    ("indicative start date", Meaning::Start),
    ("agreement date", Meaning::Start),
    ("date of signature", Meaning::Start),
    ("signature date", Meaning::Start),
    // A development bank's project runs from its approval to its closing.
    ("approval date", Meaning::Start),
    ("approval", Meaning::Start),
    ("approved", Meaning::Start),
    ("board approval date", Meaning::Start),
    ("effective date", Meaning::Start),
    ("project start", Meaning::Start),
    ("project start date", Meaning::Start),
    ("start of project", Meaning::Start),
    ("start of the project", Meaning::Start),
    ("date de début", Meaning::Start),
    ("début", Meaning::Start),
    ("fecha de inicio", Meaning::Start),
    ("inicio", Meaning::Start),
    ("avvio", Meaning::Start),
    ("data di avvio", Meaning::Start),
    ("inizio", Meaning::Start),
    ("data di inizio", Meaning::Start),
    ("data inizio", Meaning::Start),
    ("beginn", Meaning::Start),
    ("projektbeginn", Meaning::Start),
    ("projektstart", Meaning::Start),
    ("date de démarrage", Meaning::Start),
    ("démarrage", Meaning::Start),
    ("início", Meaning::Start),
    ("data de início", Meaning::Start),
    ("begindatum", Meaning::Start),
    ("end date", Meaning::End),
    ("ending date", Meaning::End),
    ("end", Meaning::End),
    ("ends", Meaning::End),
    ("completion date", Meaning::End),
    ("ended", Meaning::End),
    ("year completed", Meaning::End),
    ("completion", Meaning::End),
    ("closing date", Meaning::End),
    ("closing", Meaning::End),
    ("project end", Meaning::End),
    ("project end date", Meaning::End),
    ("end of project", Meaning::End),
    ("end of the project", Meaning::End),
    ("date de fin", Meaning::End),
    ("fin", Meaning::End),
    ("fecha de finalización", Meaning::End),
    ("fecha de término", Meaning::End),
    ("fecha de terminación", Meaning::End),
    ("fecha de fin", Meaning::End),
    ("conclusione", Meaning::End),
    ("data di conclusione", Meaning::End),
    ("data di fine", Meaning::End),
    ("data fine", Meaning::End),
    ("ende", Meaning::End),
    ("projektende", Meaning::End),
    ("date d'achèvement", Meaning::End),
    ("achèvement", Meaning::End),
    ("término", Meaning::End),
    ("data de término", Meaning::End),
    ("data de conclusão", Meaning::End),
    ("conclusão", Meaning::End),
    ("einddatum", Meaning::End),
    // Funder: ILO pages call their donors "development partners".
    ("donor", Meaning::Funder),
    ("donors", Meaning::Funder),
    ("donor(s)", Meaning::Funder),
    ("donor partner", Meaning::Funder),
    ("donor partners", Meaning::Funder),
    ("donor agency", Meaning::Funder),
    ("donor organisation", Meaning::Funder),
    ("donor organization", Meaning::Funder),
    ("donor organisations", Meaning::Funder),
    ("donor organizations", Meaning::Funder),
    ("main donor", Meaning::Funder),
    ("funder", Meaning::Funder),
    ("funders", Meaning::Funder),
    ("funder(s)", Meaning::Funder),
    ("funding", Meaning::Funder),
    ("financial partners", Meaning::Funder),
    ("financial partner", Meaning::Funder),
    ("funding organizations", Meaning::Funder),
    ("funding organisations", Meaning::Funder),
    ("funding agencies", Meaning::Funder),
    ("donor agencies", Meaning::Funder),
    ("funded by", Meaning::Funder),
    ("co-funded by", Meaning::Funder),
    ("financed by", Meaning::Funder),
    ("co-financed by", Meaning::Funder),
    ("financing", Meaning::Funder),
    ("financing partner", Meaning::Funder),
    ("financing partners", Meaning::Funder),
    ("funding partner", Meaning::Funder),
    ("funding partners", Meaning::Funder),
    ("funding source", Meaning::Funder),
    ("funding sources", Meaning::Funder),
    ("source of funds", Meaning::Funder),
    ("source of funding", Meaning::Funder),
    ("sources of funding", Meaning::Funder),
    ("sources of funds", Meaning::Funder),
    ("funded through", Meaning::Funder),
    ("funding agency", Meaning::Funder),
    ("funding organisation", Meaning::Funder),
    ("funding organization", Meaning::Funder),
    ("development partner", Meaning::Funder),
    ("development partners", Meaning::Funder),
    ("sponsor", Meaning::Funder),
    ("commissioned by", Meaning::Funder),
    ("commissioning party", Meaning::Funder),
    ("client", Meaning::Funder),
    ("cooperante", Meaning::Funder),
    ("financiamiento", Meaning::Funder),
    ("financiación", Meaning::Funder),
    ("financiacion", Meaning::Funder),
    ("fuente de financiamiento", Meaning::Funder),
    ("sponsors", Meaning::Funder),
    ("sponsored by", Meaning::Funder),
    ("sponsoring", Meaning::Funder),
    ("sponsoring agency", Meaning::Funder),
    ("sponsoring organisation", Meaning::Funder),
    ("sponsoring organization", Meaning::Funder),
    ("supported by", Meaning::Funder),
    ("bailleur", Meaning::Funder),
    ("bailleurs", Meaning::Funder),
    ("bailleur de fonds", Meaning::Funder),
    ("bailleurs de fonds", Meaning::Funder),
    ("financement", Meaning::Funder),
    ("financé par", Meaning::Funder),
    ("cofinancement", Meaning::Funder),
    ("cofinancements", Meaning::Funder),
    ("co-financement", Meaning::Funder),
    ("cofinanceur", Meaning::Funder),
    ("cofinanceurs", Meaning::Funder),
    ("donante", Meaning::Funder),
    ("donantes", Meaning::Funder),
    ("financiador", Meaning::Funder),
    ("financiadores", Meaning::Funder),
    ("financiado por", Meaning::Funder),
    ("cofinanciador", Meaning::Funder),
    ("auftraggeber", Meaning::Funder),
    ("geber", Meaning::Funder),
    ("förderer", Meaning::Funder),
    ("financier", Meaning::Funder),
    ("geldgever", Meaning::Funder),
    ("financiering", Meaning::Funder),
    ("geldgeber", Meaning::Funder),
    ("finanziert von", Meaning::Funder),
    ("gefördert von", Meaning::Funder),
    ("finanziatore", Meaning::Funder),
    ("finanziatori", Meaning::Funder),
    ("donatore", Meaning::Funder),
    ("donatori", Meaning::Funder),
    ("finanziato da", Meaning::Funder),
    ("fonte di finanziamento", Meaning::Funder),
    ("finanziamento", Meaning::Funder),
    ("fonti di finanziamento", Meaning::Funder),
    ("ente finanziatore", Meaning::Funder),
    ("doador", Meaning::Funder),
    ("doadores", Meaning::Funder),
    ("financiadora", Meaning::Funder),
    ("financiamento", Meaning::Funder),
    ("fonte de financiamento", Meaning::Funder),
    ("donor country", Meaning::Funder),
    ("donor countries", Meaning::Funder),
    ("contracting authority", Meaning::Funder),
    ("partenaire financier", Meaning::Funder),
    ("partenaires financiers", Meaning::Funder),
    ("financeur", Meaning::Funder),
    ("financeurs", Meaning::Funder),
    ("co-financing", Meaning::Funder),
    ("cofinancing", Meaning::Funder),
    ("co-financier", Meaning::Funder),
    ("co-financiers", Meaning::Funder),
    ("co-funding", Meaning::Funder),
    ("co-funder", Meaning::Funder),
    ("co-funders", Meaning::Funder),
    ("förderung", Meaning::Funder),
    ("gefördert durch", Meaning::Funder),
    ("finanziert durch", Meaning::Funder),
    ("zuwendungsgeber", Meaning::Funder),
    ("fördergeber", Meaning::Funder),
    ("gefinancierd door", Meaning::Funder),
    ("gefinancierd met steun van", Meaning::Funder),
    ("met steun van", Meaning::Funder),
    ("met de steun van", Meaning::Funder),
    ("financiers", Meaning::Funder),
    ("finanziata da", Meaning::Funder),
    ("finanziato dalla", Meaning::Funder),
    ("con il contributo di", Meaning::Funder),
    ("financiada por", Meaning::Funder),
    ("mittelherkunft", Meaning::Funder),
    ("finanzierung durch", Meaning::Funder),
    ("grantor", Meaning::Funder),
    ("grant maker", Meaning::Funder),
    ("awarding body", Meaning::Funder),
    ("darczyńca", Meaning::Funder),
    ("finansowanie", Meaning::Funder),
    ("subsidiegever", Meaning::Funder),
    // Implementer
    ("implemented by", Meaning::Implementer),
    ("lead partners", Meaning::Implementer),
    ("lead partner", Meaning::Implementer),
    ("implementer", Meaning::Implementer),
    ("durchführungsorganisation", Meaning::Implementer),
    ("durchführende organisation", Meaning::Implementer),
    ("projektträger", Meaning::Implementer),
    ("träger", Meaning::Implementer),
    ("entwicklungsorganisation", Meaning::Implementer),
    ("umsetzungspartner", Meaning::Implementer),
    ("durchführungspartner", Meaning::Implementer),
    ("partnerorganisation vor ort", Meaning::Implementer),
    ("uitvoerder", Meaning::Implementer),
    ("uitvoerende organisatie", Meaning::Implementer),
    ("ente esecutore", Meaning::Implementer),
    ("soggetto attuatore", Meaning::Implementer),
    ("agência executora", Meaning::Implementer),
    ("entidad ejecutora", Meaning::Implementer),
    ("agence d'exécution", Meaning::Implementer),
    ("implementing agency", Meaning::Implementer),
    ("implementing agencies", Meaning::Implementer),
    ("implementing organisation", Meaning::Implementer),
    ("implementing organisations", Meaning::Implementer),
    ("implementing organization", Meaning::Implementer),
    ("implementing organizations", Meaning::Implementer),
    ("implementing partner", Meaning::Implementer),
    ("implementing partners", Meaning::Implementer),
    ("executing agency", Meaning::Implementer),
    ("lead executing agency", Meaning::Implementer),
    ("lead agency", Meaning::Implementer),
    ("lead organisation", Meaning::Implementer),
    ("lead organization", Meaning::Implementer),
    ("grantee", Meaning::Implementer),
    ("recipient", Meaning::Implementer),
    ("proponent", Meaning::Implementer),
    ("organisation", Meaning::Implementer),
    ("organization", Meaning::Implementer),
    ("organisation name", Meaning::Implementer),
    ("organization name", Meaning::Implementer),
    ("mis en œuvre par", Meaning::Implementer),
    ("ejecutado por", Meaning::Implementer),
    ("organismo ejecutor", Meaning::Implementer),
    ("realizator", Meaning::Implementer),
    ("lead institution", Meaning::Implementer),
    ("contractor", Meaning::Implementer),
    ("implementing institution", Meaning::Implementer),
    ("beneficiary", Meaning::Implementer),
    ("porteur de projet", Meaning::Implementer),
    ("porteur du projet", Meaning::Implementer),
    ("wykonawca", Meaning::Implementer),
    // Partner
    ("partner", Meaning::Partner),
    ("partners", Meaning::Partner),
    ("partner organisations", Meaning::Partner),
    ("projektpartner", Meaning::Partner),
    ("partnerorganisation", Meaning::Partner),
    ("partnerorganisationen", Meaning::Partner),
    ("partner organizations", Meaning::Partner),
    ("partner institutions", Meaning::Partner),
    ("partenaires", Meaning::Partner),
    ("partenaire", Meaning::Partner),
    ("partenaire local", Meaning::Partner),
    ("partenaires locaux", Meaning::Partner),
    ("partner locale", Meaning::Partner),
    ("partner locali", Meaning::Partner),
    ("socios", Meaning::Partner),
    ("socio", Meaning::Partner),
    ("socio local", Meaning::Partner),
    ("socios locales", Meaning::Partner),
    ("contraparte", Meaning::Partner),
    // Places
    ("country", Meaning::Places),
    ("countries", Meaning::Places),
    ("country/region", Meaning::Places),
    ("target country", Meaning::Places),
    ("target countries", Meaning::Places),
    ("location", Meaning::Places),
    ("locations", Meaning::Places),
    ("region", Meaning::Places),
    ("regions", Meaning::Places),
    ("geographic coverage", Meaning::Places),
    ("geographical coverage", Meaning::Places),
    ("geographic scope", Meaning::Places),
    ("geographic location", Meaning::Places),
    ("geographical location", Meaning::Places),
    ("geographic area", Meaning::Places),
    ("geographical area", Meaning::Places),
    ("geographic focus", Meaning::Places),
    ("geographical focus", Meaning::Places),
    ("pays", Meaning::Places),
    ("ubicación", Meaning::Places),
    ("localisation", Meaning::Places),
    ("zone d'intervention", Meaning::Places),
    ("zona de intervención", Meaning::Places),
    ("país", Meaning::Places),
    ("departamento", Meaning::Places),
    ("departamentos", Meaning::Places),
    ("provincia", Meaning::Places),
    ("provincias", Meaning::Places),
    ("municipio", Meaning::Places),
    ("municipios", Meaning::Places),
    ("países", Meaning::Places),
    ("land", Meaning::Places),
    ("länder", Meaning::Places),
    ("projektland", Meaning::Places),
    ("projektländer", Meaning::Places),
    ("projektregion", Meaning::Places),
    ("partnerland", Meaning::Places),
    ("einsatzland", Meaning::Places),
    ("zielland", Meaning::Places),
    ("landen", Meaning::Places),
    ("regio", Meaning::Places),
    ("paese", Meaning::Places),
    ("paesi", Meaning::Places),
    ("região", Meaning::Places),
    ("where", Meaning::Places),
    ("kraj", Meaning::Places),
    ("lokalizacja", Meaning::Places),
    ("miejsce realizacji", Meaning::Places),
    ("lieu", Meaning::Places),
    ("pays d'intervention", Meaning::Places),
    ("pays bénéficiaire", Meaning::Places),
    ("país beneficiario", Meaning::Places),
    ("ort", Meaning::Places),
    ("standort", Meaning::Places),
    ("place", Meaning::Places),
    ("places", Meaning::Places),
    ("city", Meaning::Places),
    ("district", Meaning::Places),
    ("districts", Meaning::Places),
    ("province", Meaning::Places),
    ("provinces", Meaning::Places),
    ("municipality", Meaning::Places),
    ("municipalities", Meaning::Places),
    ("commune", Meaning::Places),
    ("communes", Meaning::Places),
    ("département", Meaning::Places),
    // Budget
    ("budget", Meaning::Budget),
    ("total budget", Meaning::Budget),
    ("project budget", Meaning::Budget),
    ("amount", Meaning::Budget),
    ("amount of grant", Meaning::Budget),
    ("grant amount", Meaning::Budget),
    ("amount granted", Meaning::Budget),
    ("amount awarded", Meaning::Budget),
    ("amount requested", Meaning::Budget),
    ("award amount", Meaning::Budget),
    ("grant awarded", Meaning::Budget),
    ("grant size", Meaning::Budget),
    ("funding amount", Meaning::Budget),
    ("total funding", Meaning::Budget),
    ("project value", Meaning::Budget),
    ("total value", Meaning::Budget),
    ("contract value", Meaning::Budget),
    ("estimated cost", Meaning::Budget),
    ("cost", Meaning::Budget),
    ("commitment", Meaning::Budget),
    ("commitments", Meaning::Budget),
    ("amount committed", Meaning::Budget),
    ("total cost", Meaning::Budget),
    ("contribution", Meaning::Budget),
    ("presupuesto", Meaning::Budget),
    ("montant", Meaning::Budget),
    ("montant accordé", Meaning::Budget),
    ("coût total", Meaning::Budget),
    ("fondos destinados", Meaning::Budget),
    ("ayuda concedida", Meaning::Budget),
    ("importe", Meaning::Budget),
    ("importe concedido", Meaning::Budget),
    ("subvención", Meaning::Budget),
    ("subvención concedida", Meaning::Budget),
    ("monto", Meaning::Budget),
    ("monto otorgado", Meaning::Budget),
    ("coste total", Meaning::Budget),
    ("fördersumme", Meaning::Budget),
    ("fördervolumen", Meaning::Budget),
    ("projektvolumen", Meaning::Budget),
    ("projektbudget", Meaning::Budget),
    ("gesamtkosten", Meaning::Budget),
    ("gesamtbudget", Meaning::Budget),
    ("zuschuss", Meaning::Budget),
    ("importo", Meaning::Budget),
    ("importo finanziato", Meaning::Budget),
    ("contributo", Meaning::Budget),
    ("orçamento", Meaning::Budget),
    ("montante", Meaning::Budget),
    ("kwota dofinansowania", Meaning::Budget),
    ("kwota", Meaning::Budget),
    ("budżet", Meaning::Budget),
    ("wartość projektu", Meaning::Budget),
    ("bijdrage", Meaning::Budget),
    ("montant total", Meaning::Budget),
    ("coût du projet", Meaning::Budget),
    ("subvention", Meaning::Budget),
    ("montant de la subvention", Meaning::Budget),
    // Prose
    ("description", Meaning::Prose),
    ("project description", Meaning::Prose),
    ("summary", Meaning::Prose),
    ("details", Meaning::Prose),
    ("abstract", Meaning::Prose),
    // The heading of a record's box of facts, over its fields.
    ("key facts", Meaning::Prose),
    ("key data", Meaning::Prose),
    ("facts and figures", Meaning::Prose),
    ("fact sheet", Meaning::Prose),
    ("factsheet", Meaning::Prose),
    ("at a glance", Meaning::Prose),
    ("project details", Meaning::Prose),
    ("project information", Meaning::Prose),
    ("project data", Meaning::Prose),
    ("données clés", Meaning::Prose),
    ("fiche du projet", Meaning::Prose),
    ("en bref", Meaning::Prose),
    ("datos clave", Meaning::Prose),
    ("ficha del proyecto", Meaning::Prose),
    ("eckdaten", Meaning::Prose),
    ("projektdaten", Meaning::Prose),
    ("auf einen blick", Meaning::Prose),
    ("dati chiave", Meaning::Prose),
    ("dados principais", Meaning::Prose),
    ("overview", Meaning::Prose),
    ("background", Meaning::Prose),
    ("objective", Meaning::Prose),
    ("objectives", Meaning::Prose),
    ("project objective", Meaning::Prose),
    ("project objectives", Meaning::Prose),
    ("development objective", Meaning::Prose),
    ("immediate objective", Meaning::Prose),
    ("immediate objectives", Meaning::Prose),
    ("goal", Meaning::Prose),
    ("goals", Meaning::Prose),
    ("aim", Meaning::Prose),
    ("aims", Meaning::Prose),
    ("activities", Meaning::Prose),
    ("expected results", Meaning::Prose),
    ("results", Meaning::Prose),
    ("challenge", Meaning::Prose),
    ("challenges", Meaning::Prose),
    ("solution", Meaning::Prose),
    ("problem", Meaning::Prose),
    ("approach", Meaning::Prose),
    ("context", Meaning::Prose),
    ("rationale", Meaning::Prose),
    ("impact", Meaning::Prose),
    ("outcome", Meaning::Prose),
    ("outcomes", Meaning::Prose),
    ("achievements", Meaning::Prose),
    ("beneficiaries", Meaning::Prose),
    ("target group", Meaning::Prose),
    ("target groups", Meaning::Prose),
    ("objectif", Meaning::Prose),
    ("objectifs", Meaning::Prose),
    ("résumé", Meaning::Prose),
    ("descripción", Meaning::Prose),
    ("objetivo", Meaning::Prose),
    ("objetivos", Meaning::Prose),
    ("ziel und hintergrund", Meaning::Prose),
    ("hintergrund und ziel", Meaning::Prose),
    ("beschreibung", Meaning::Prose),
    ("kurzbeschreibung", Meaning::Prose),
    ("projektbeschreibung", Meaning::Prose),
    ("ziel", Meaning::Prose),
    ("ziele", Meaning::Prose),
    ("projektziel", Meaning::Prose),
    ("projektziele", Meaning::Prose),
    ("hintergrund", Meaning::Prose),
    ("ausgangslage", Meaning::Prose),
    ("zielgruppe", Meaning::Prose),
    ("zielgruppen", Meaning::Prose),
    ("aktivitäten", Meaning::Prose),
    ("maßnahmen", Meaning::Prose),
    ("ergebnisse", Meaning::Prose),
    ("wirkung", Meaning::Prose),
    ("description du projet", Meaning::Prose),
    ("contexte", Meaning::Prose),
    ("activités", Meaning::Prose),
    ("résultats", Meaning::Prose),
    ("bénéficiaires", Meaning::Prose),
    ("antecedentes", Meaning::Prose),
    ("actividades", Meaning::Prose),
    ("resultados", Meaning::Prose),
    ("beneficiarios", Meaning::Prose),
    // Other labels of the format
    ("project code", Meaning::Other),
    ("code", Meaning::Other),
    ("ref", Meaning::Other),
    ("no", Meaning::Other),
    ("no.", Meaning::Other),
    ("nr.", Meaning::Other),
    ("number", Meaning::Other),
    ("id", Meaning::Other),
    ("project number", Meaning::Other),
    ("project id", Meaning::Other),
    ("reference", Meaning::Other),
    ("sector", Meaning::Other),
    ("sectors", Meaning::Other),
    ("theme", Meaning::Other),
    ("themes", Meaning::Other),
    ("topic", Meaning::Other),
    ("sektor", Meaning::Other),
    ("sektoren", Meaning::Other),
    ("thema", Meaning::Other),
    ("themen", Meaning::Other),
    ("schwerpunkt", Meaning::Other),
    ("schwerpunkte", Meaning::Other),
    ("secteur", Meaning::Other),
    ("secteurs", Meaning::Other),
    ("sector de intervención", Meaning::Other),
    ("thème", Meaning::Other),
    ("thèmes", Meaning::Other),
    ("status", Meaning::Other),
    ("estado", Meaning::Other),
    ("statut", Meaning::Other),
    ("stato", Meaning::Other),
    ("situação", Meaning::Other),
    ("situación", Meaning::Other),
    ("contact", Meaning::Other),
    ("website", Meaning::Other),
    ("e-mail", Meaning::Other),
    ("email", Meaning::Other),
    ("phone", Meaning::Other),
];

/// What a label means, if it is in the vocabulary. Case, spacing and a
/// trailing `(s)` are ignored.
pub fn meaning(label: &str) -> Option<Meaning> {
    // Every line of a listing is asked. Each reading below needs a label
    // of at most `longest_label` words before any bracket, so a longer
    // line is told at once.
    let before_bracket = label.split('(').next().unwrap_or(label);
    if before_bracket
        .split_whitespace()
        .nth(INDEX.longest_label)
        .is_some()
    {
        return None;
    }
    let key = normalise_label(label);
    // `Donor(s)`; `Budget (USD)`, a unit in brackets after a label.
    let without_bracket = || {
        let (head, bracket) = key.rsplit_once(" (")?;
        bracket.ends_with(')').then_some(head)
    };
    // `Participating organisations (Funding)`: a role in brackets after
    // a label the vocabulary lacks names the role.
    let bracketed_role = || {
        let (_, bracket) = key.rsplit_once(" (")?;
        lookup(bracket.strip_suffix(')')?).filter(|meaning| {
            matches!(
                meaning,
                Meaning::Funder | Meaning::Implementer | Meaning::Partner
            )
        })
    };
    // `Client/ Donor`, `Country/Region`: alternatives that name one thing.
    let alternatives = || {
        let mut meanings = key.split('/').map(|part| lookup(part.trim()));
        let first = meanings.next()??;
        meanings.all(|m| m == Some(first)).then_some(first)
    };
    lookup(&key)
        .or_else(|| lookup(without_plural(&key)?))
        .or_else(|| lookup(without_bracket()?))
        .or_else(|| lookup(without_the_project(&key)?))
        .or_else(|| head_noun_meaning(&key))
        .or_else(bracketed_role)
        .or_else(|| key.contains('/').then(alternatives).flatten())
        .or_else(|| money_label_with_its_unit(&key))
}

/// A label of money with its unit after `in` (`Budget in USD`, `Budget
/// in EUR million`), as `Budget (USD)` puts it in brackets. Only money's
/// labels: other words after `in` say more than a unit (`Partners in
/// Kenya`). A line is a field only if its label is label-shaped as well
/// (`units::is_label_shaped`: four words at most besides little linking
/// words, `in` not among them).
fn money_label_with_its_unit(key: &str) -> Option<Meaning> {
    let (head, unit) = key.rsplit_once(" in ")?;
    if !(1..=3).contains(&unit.split(' ').count()) {
        return None;
    }
    lookup(head)
        .or_else(|| head_noun_meaning(head))
        .filter(|&meaning| meaning == Meaning::Budget)
}

/// A label without the words saying whose it is, the project's (`Fecha de
/// inicio del proyecto`, `Start date of the project`): a table's header
/// often spells them out.
fn without_the_project(key: &str) -> Option<&str> {
    const THE_PROJECTS: [&str; 8] = [
        " of the project",
        " of project",
        " del proyecto",
        " du projet",
        " do projeto",
        " del progetto",
        " des projekts",
        " van het project",
    ];
    THE_PROJECTS
        .iter()
        .find_map(|words| key.strip_suffix(words))
        .filter(|head| !head.is_empty())
}

/// A label without a plural's ending in brackets (`Donor(s)`, `Land(en)`,
/// `País(es)`).
fn without_plural(key: &str) -> Option<&str> {
    let (head, ending) = key.strip_suffix(')')?.rsplit_once('(')?;
    let is_ending = (1..=3).contains(&ending.chars().count())
        && ending.chars().all(char::is_alphabetic)
        && head.ends_with(char::is_alphabetic);
    is_ending.then_some(head.trim_end())
}

/// [`meaning`] of a label the vocabulary lists (`Donor(s)`, `Budget (USD)`
/// too), not one read by its last word: a line without a colon is a label
/// only so (`Aid aim` is a headline, `Aim` a label).
pub fn listed_meaning(label: &str) -> Option<Meaning> {
    meaning(label).filter(|_| {
        let key = normalise_label(label);
        let head = key.split(" (").next().unwrap_or(&key);
        lookup(&key).is_some()
            || without_plural(&key).is_some_and(|head| lookup(head).is_some())
            || lookup(head).is_some()
    })
}

/// A label of two or three words means what its last word means, as an
/// English compound takes the sense of its head: `Local Partner` is a
/// partner, `Own Contribution` money, `Diaspora Organisation` the one
/// that implements, `Project No.` a code. A title is never read this way:
/// a headline with a colon (`Asia Programme: Decent work`) stays one.
fn head_noun_meaning(key: &str) -> Option<Meaning> {
    let words: Vec<&str> = key.split(' ').collect();
    if !(2..=3).contains(&words.len()) {
        return None;
    }
    let (head, modifiers) = words.split_last()?;
    if !modifiers
        .iter()
        .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
    {
        return None;
    }
    lookup(head).filter(|&meaning| meaning != Meaning::Title)
}

/// The meaning of a label written as the vocabulary writes it. Every line
/// of a listing that could be a field asks, up to four times.
fn lookup(key: &str) -> Option<Meaning> {
    INDEX.by_label.get(key).copied()
}

/// The vocabulary as a map, and the most words a label can have.
struct Index {
    by_label: FxHashMap<&'static str, Meaning>,
    /// The words of the longest label, and at least the three of a
    /// compound read by its head noun.
    longest_label: usize,
    /// The first words of the labels [`spaced_label`] reads.
    spaced_first_words: WordSet,
    /// The first words of every label and column header.
    first_words: WordSet,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut by_label = FxHashMap::with_capacity_and_hasher(VOCABULARY.len(), Default::default());
    for &(label, meaning) in VOCABULARY {
        // A label listed twice means what it first means.
        by_label.entry(label).or_insert(meaning);
    }
    let longest_label = VOCABULARY
        .iter()
        .map(|(label, _)| label.split_whitespace().count())
        .max()
        .unwrap_or(0)
        .max(3);
    let spaced_first_words = VOCABULARY
        .iter()
        .filter(|(label, meaning)| {
            label.split_whitespace().nth(1).is_some()
                && matches!(
                    meaning,
                    Meaning::Title | Meaning::Dates | Meaning::Start | Meaning::End
                )
        })
        .filter_map(|(label, _)| label.split_whitespace().next())
        .collect();
    let first_words = VOCABULARY
        .iter()
        .filter_map(|(label, _)| label.split_whitespace().next())
        .chain(COLUMN_NAMES.iter().copied())
        .collect();
    Index {
        by_label,
        longest_label,
        spaced_first_words,
        first_words,
    }
});

/// A label of a title or of dates, two words or more as the vocabulary
/// lists it, opening `text` before its value with no colon between them
/// (`Project Title Oil for Development`, `Start and End date July 2022 –
/// Dec 2022`), as a page that set the label apart from its value (in a
/// cell, in bold) copies: where the label's words end and what it means.
/// A label of one word (`Project`, `Year`) opens headlines too often to
/// be read so.
///
/// ```
/// use devcoop_ingest::labels::{spaced_label, Meaning};
/// assert_eq!(spaced_label("Project Title Oil for Development"), Some((13, Meaning::Title)));
/// assert_eq!(spaced_label("Project Oil for Development"), None);
/// ```
pub fn spaced_label(text: &str) -> Option<(usize, Meaning)> {
    // Every line without a colon is asked: most are turned away by their
    // first word.
    // A table's row joins its cells with tabs: a header's `Project
    // title⇥Location` is two cells, not a label and its value.
    let first = text.split(' ').next()?;
    if !first.starts_with(char::is_uppercase)
        || !holds_word(&INDEX.spaced_first_words, first)
        || text.contains('\t')
    {
        return None;
    }
    let mut ends = text
        .char_indices()
        .filter(|&(_, c)| c.is_whitespace())
        .map(|(at, _)| at)
        .filter(|&at| at > 0 && !text[..at].ends_with(char::is_whitespace));
    let mut found = None;
    for _ in 0..INDEX.longest_label {
        let Some(end) = ends.next() else { break };
        let label = &text[..end];
        if label.split_whitespace().nth(1).is_none() {
            continue;
        }
        if let Some(meaning) = lookup(&normalise_label(label)).filter(|m| {
            matches!(
                m,
                Meaning::Title | Meaning::Dates | Meaning::Start | Meaning::End
            )
        }) {
            found = Some((end, meaning));
        }
    }
    found
}

/// Whether `word` is the first word of a label of the vocabulary or a
/// column's header, ignoring case: what a line opening on a header must
/// open on. Cheap: most lines are turned away by it.
pub fn opens_a_label(word: &str) -> bool {
    holds_word(&INDEX.first_words, word.trim_end_matches(':'))
}

/// Words in lower case, hashed by rustc's Fx hash: the sets asked of
/// every line's first word, where the standard hasher's resistance to
/// chosen keys is not needed and its cost shows.
type WordSet = FxHashSet<&'static str>;

/// Whether `words` (in lower case) holds `word` in any case. A short
/// ASCII word is lowered on the stack: every line's first word is asked.
fn holds_word(words: &WordSet, word: &str) -> bool {
    const SHORT: usize = 32;
    if word.len() <= SHORT && word.is_ascii() {
        let mut lowered = [0u8; SHORT];
        let lowered = &mut lowered[..word.len()];
        lowered.copy_from_slice(word.as_bytes());
        lowered.make_ascii_lowercase();
        return std::str::from_utf8(lowered).is_ok_and(|w| words.contains(w));
    }
    words.contains(word.to_lowercase().as_str())
}

pub fn is_known_label(label: &str) -> bool {
    meaning(label).is_some()
}

/// Column headers of a flattened table, by what the column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Title,
    StartDate,
    EndDate,
    /// Both dates in one cell.
    Dates,
    /// Anything else becomes a field named after the header.
    Field,
}

/// What a table header cell names, if it is a header word at all. A table
/// header names its columns more tersely than a field label does.
pub fn column(header: &str) -> Option<Column> {
    let key = normalise_label(header);
    let whole = column_of_key(&key);
    // `Programme/project`: the first part that names a column names it.
    match key.split_once('/') {
        Some((first, second)) if whole.is_none() => {
            column_of_key(first.trim()).or_else(|| column_of_key(second.trim()))
        }
        _ => whole,
    }
}

/// Headers of a column that are no field labels ([`column_of_key`]).
const COLUMN_NAMES: &[&str] = &[
    "name",
    "programme",
    "program",
    "activity",
    "intervention",
    "interventie",
    "purpose",
    "from",
    "to",
];

/// [`column`] of a header in lower case with single spaces.
fn column_of_key(key: &str) -> Option<Column> {
    Some(match key {
        // A table's column of programmes or activities holds its records'
        // names, and a grants table's column of what each grant is for its
        // records' headlines; as a field's label, `Programme:` names the
        // programme a project belongs to, and `Purpose:` is prose.
        "name" | "programme" | "program" | "activity" | "intervention" | "interventie"
        | "purpose" => Column::Title,
        "from" => Column::StartDate,
        "to" => Column::EndDate,
        _ => match meaning(key)? {
            Meaning::Title => Column::Title,
            Meaning::Start => Column::StartDate,
            Meaning::End => Column::EndDate,
            Meaning::Dates => Column::Dates,
            _ => Column::Field,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_lower_case_single_spaced_and_listed_once() {
        let mut seen = std::collections::BTreeSet::new();
        for (label, _) in VOCABULARY {
            assert_eq!(normalise_label(label), *label);
            assert!(seen.insert(*label), "{label} twice");
        }
    }

    #[test]
    fn cards_and_tables_label_partners_funders_dates_and_budgets() {
        for (label, expected) in [
            ("Partenaire local", Meaning::Partner),
            ("Partenaire", Meaning::Partner),
            ("Cofinancement", Meaning::Funder),
            ("Sponsoring", Meaning::Funder),
            ("Sponsoring agency", Meaning::Funder),
            ("Donor Organisation", Meaning::Funder),
            ("FONTE DI FINANZIAMENTO", Meaning::Funder),
            ("AVVIO", Meaning::Start),
            ("Date Range", Meaning::Dates),
            ("Start and End Date", Meaning::Dates),
            ("Started", Meaning::Start),
            ("Ended", Meaning::End),
            ("CONCLUSIONE", Meaning::End),
            ("Approval", Meaning::Start),
            ("Closing", Meaning::End),
            ("Start of project", Meaning::Start),
            ("Período de ejecución", Meaning::Dates),
            ("Socio local", Meaning::Partner),
            ("Departamentos", Meaning::Places),
            ("Financiación", Meaning::Funder),
            ("End of project", Meaning::End),
            ("Date launched", Meaning::Start),
            ("Amount requested", Meaning::Budget),
            ("When", Meaning::Dates),
            ("Okres realizacji", Meaning::Dates),
            ("Date of award", Meaning::Start),
            ("Contracting authority", Meaning::Funder),
            ("Partenaires financiers", Meaning::Funder),
            ("Förderung", Meaning::Funder),
            ("Land(en)", Meaning::Places),
            ("País(es)", Meaning::Places),
            ("Nr.", Meaning::Other),
            ("Date awarded", Meaning::Start),
            ("Finanziamento", Meaning::Funder),
            ("Overall term", Meaning::Dates),
            ("Participating Organisations (Funding)", Meaning::Funder),
            ("Co-financing", Meaning::Funder),
            ("Donor country", Meaning::Funder),
            ("Realizator", Meaning::Implementer),
            ("Kraj", Meaning::Places),
            ("Kwota dofinansowania", Meaning::Budget),
            ("Beginn", Meaning::Start),
            ("Projektende", Meaning::End),
            ("Data de início", Meaning::Start),
            ("Date d'achèvement", Meaning::End),
            ("Einddatum", Meaning::End),
            ("Place", Meaning::Places),
            ("Municipality", Meaning::Places),
            ("Province", Meaning::Places),
            ("District", Meaning::Places),
            ("Commune", Meaning::Places),
            ("Standort", Meaning::Places),
        ] {
            assert_eq!(meaning(label), Some(expected), "{label}");
        }
    }

    #[test]
    fn a_money_label_may_give_its_unit_after_in() {
        for label in [
            "Budget in USD",
            "Total budget in EUR million",
            "Cost in CHF",
            "Project cost in US$ thousands",
        ] {
            assert_eq!(meaning(label), Some(Meaning::Budget), "{label}");
        }
        // Other labels' words after `in` say more than a unit; a unit of
        // four words is a sentence's end, not a label's.
        assert_eq!(meaning("Partners in Kenya"), None);
        assert_eq!(meaning("Work in progress"), None);
        assert_eq!(meaning("Budget in the current phase here"), None);
    }

    #[test]
    fn a_compound_label_means_what_its_last_word_means() {
        assert_eq!(meaning("Local Partner"), Some(Meaning::Partner));
        assert_eq!(meaning("Own Contribution"), Some(Meaning::Budget));
        assert_eq!(meaning("Diaspora Organisation"), Some(Meaning::Implementer));
        assert_eq!(meaning("Project No."), Some(Meaning::Other));
        // A listed label keeps its own meaning; a title is never a head.
        assert_eq!(meaning("Lead Partner"), Some(Meaning::Implementer));
        assert_eq!(meaning("Short title"), None);
        // One word, four words, or a number before the head: not a label.
        assert_eq!(meaning("Partner"), Some(Meaning::Partner));
        assert_eq!(meaning("The new local partner"), None);
        assert_eq!(meaning("2019 budget"), None);
        assert_eq!(meaning("Decent work"), None);
    }

    #[test]
    fn a_label_spelling_out_the_project_means_what_it_labels() {
        assert_eq!(
            meaning("Fecha de inicio del proyecto"),
            Some(Meaning::Start)
        );
        assert_eq!(meaning("End date of the project"), Some(Meaning::End));
        assert_eq!(
            column("Fecha de terminación del proyecto"),
            Some(Column::EndDate)
        );
        assert_eq!(meaning("Of the project"), None);
    }

    #[test]
    fn alternatives_parted_by_a_slash_mean_what_they_share() {
        assert_eq!(meaning("Client/ Donor"), Some(Meaning::Funder));
        assert_eq!(meaning("Country/Region"), Some(Meaning::Places));
        // Alternatives that mean two things mean neither.
        assert_eq!(meaning("Donor/Implementer"), None);
    }

    #[test]
    fn the_longest_label_bounds_what_is_read_and_brackets_do_not_count() {
        let longest = VOCABULARY
            .iter()
            .map(|(label, _)| *label)
            .max_by_key(|label| label.split_whitespace().count())
            .unwrap();
        assert_eq!(
            INDEX.longest_label,
            longest.split_whitespace().count().max(3)
        );
        assert!(meaning(longest).is_some(), "{longest}");
        assert_eq!(meaning(&format!("{longest} of the 2019 project")), None);
        // A unit in brackets may be as long as it likes.
        assert_eq!(
            meaning("Budget (in US dollars at the rate of the start year)"),
            Some(Meaning::Budget)
        );
        assert_eq!(meaning("Donor(s)"), Some(Meaning::Funder));
    }

    #[test]
    fn table_headers_take_their_meaning_from_the_vocabulary() {
        assert_eq!(column("Project Title"), Some(Column::Title));
        assert_eq!(column("Starting date"), Some(Column::StartDate));
        assert_eq!(column("To"), Some(Column::EndDate));
        assert_eq!(column("Period"), Some(Column::Dates));
        assert_eq!(column("Donor"), Some(Column::Field));
        assert_eq!(column("Kenya"), None);
        assert_eq!(column("Programme/project"), Some(Column::Title));
        assert_eq!(column("Completion"), Some(Column::EndDate));
        assert_eq!(column("Country/region"), Some(Column::Field));
        assert_eq!(column("Interventie"), Some(Column::Title));
        // What a grant is for heads its row; as a field it is prose.
        assert_eq!(column("Purpose"), Some(Column::Title));
        assert_ne!(meaning("Purpose"), Some(Meaning::Title));
    }
}

//! Demo data: clearly fictional, but written the way peer supporters write, so the
//! app can be tried and benchmarked on something that looks like real work. Every
//! alias ends in "(demo)" so it can never be mistaken for a real person.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::ground::error::Result;
use crate::ground::vocab::{Context, Initiative, Mode, Support};
use crate::records::contact::{self, NewContact};
use crate::records::person::{self, NewPerson};

const NAMES: &[&str] = &[
    "Sanne", "Mo", "Kees", "Fatima", "Joost", "Ilse", "Rachid", "Noor", "Bram", "Yara", "Henk",
    "Lotte", "Anouk", "Daan", "Esra", "Wim", "Tess", "Milan", "Sevda", "Ruud",
];

const OPENINGS: &[&str] = &[
    "We liepen samen een rondje door het park.",
    "Koffie gedronken bij het buurthuis.",
    "Telefonisch contact, op haar verzoek.",
    "Samen naar de afspraak bij de gemeente geweest.",
    "Hij belde zelf, wat fijn is.",
    "Kort chatcontact na een lastige week.",
    "Met de eetgroep samen gekookt; de groep regelde alles zelf.",
];

const MIDDLES: &[&str] = &[
    "De brief over de uitkering was onduidelijk; we hebben hem samen gelezen en de vragen opgeschreven.",
    "Ik heb verteld hoe ik zelf terugviel na een goede periode, en dat opstaan daar ook bij hoort.",
    "Het gesprek met de behandelaar voelde als niet gehoord worden. We hebben besproken wat ze wil zeggen.",
    "De medicatie geeft bijwerkingen; ze wil dat zelf aankaarten bij de psychiater.",
    "We zochten uit hoe de wachtlijst werkt en wie de casemanager is.",
    "Hij vertelde over zijn zus, die weer contact zoekt. Dat geeft hoop.",
    "Ze was moe en somber, maar kwam toch. Dat is een kracht.",
    "Informatie gezocht over schuldhulp en de budgetcoach van de gemeente.",
    "De cliëntenraad zoekt nieuwe leden; hij overweegt zich aan te melden.",
];

const ENDINGS: &[&str] = &[
    "Volgende keer gaan we samen bellen.",
    "Zij houdt zelf de regie over de volgende stap.",
    "Afgesproken om volgende week weer te wandelen.",
    "Geen nieuwe afspraak nodig; zij laat van zich horen.",
];

/// Places make some words rare, as in real notes: each appears in about 1 of 400.
const PLACES: &[&str] = &[
    "Zwolle",
    "Deventer",
    "Apeldoorn",
    "Amersfoort",
    "Haarlem",
    "Leiden",
    "Delft",
    "Gouda",
    "Breda",
    "Tilburg",
    "Eindhoven",
    "Helmond",
    "Venlo",
    "Roermond",
    "Maastricht",
    "Heerlen",
    "Nijmegen",
    "Arnhem",
    "Ede",
    "Wageningen",
    "Utrecht",
    "Zeist",
    "Hilversum",
    "Almere",
    "Lelystad",
    "Emmen",
    "Assen",
    "Groningen",
    "Leeuwarden",
    "Sneek",
    "Drachten",
    "Hoorn",
    "Alkmaar",
    "Zaandam",
    "Purmerend",
    "Dordrecht",
    "Schiedam",
    "Vlaardingen",
    "Middelburg",
    "Goes",
];

const OWN_WORDS: &[&str] = &[
    "Ik wil gewoon weer zelf mijn post kunnen openen.",
    "Het helpt dat jij het ook hebt meegemaakt.",
    "Ik val wel, maar ik sta ook weer op.",
    "Ik wil gehoord worden, niet alleen behandeld.",
    "",
    "",
];

/// A small, seeded generator (xorshift): demo data is the same on every machine, and
/// no extra crate is needed for it.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// `n` demo contacts for `persons`, in time order from `from` to the day before
/// `to`, as a supporter logs them: the newest note is written last.
pub fn contacts(
    rng: &mut Rng,
    persons: &[i64],
    n: usize,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<NewContact> {
    let days = (to - from).num_days().max(1);
    (0..n)
        .map(|i| {
            let day = from + chrono::Duration::days(i as i64 * days / n.max(1) as i64);
            // Contacts happen in the daytime, between 09:00 and 20:00.
            let minute_of_day = (9 * 60 + rng.below(11 * 60)) as i64;
            let mut people = vec![persons[rng.below(persons.len())]];
            let mode = Mode::ALL[rng.below(Mode::ALL.len())];
            if mode == Mode::Group && persons.len() > 2 {
                for _ in 0..2 {
                    let p = persons[rng.below(persons.len())];
                    if !people.contains(&p) {
                        people.push(p);
                    }
                }
            }
            let mut support = vec![Support::ALL[rng.below(4)]];
            if rng.below(3) == 0 {
                let s = Support::ALL[rng.below(4)];
                if !support.contains(&s) {
                    support.push(s);
                }
            }
            let mut note = format!(
                "{} {} {}",
                rng.pick(OPENINGS),
                rng.pick(MIDDLES),
                rng.pick(ENDINGS)
            );
            if rng.below(10) == 0 {
                note.push_str(&format!(" Volgende keer in {}.", rng.pick(PLACES)));
            }
            // In a group, the own words and a signal are one person's: the first.
            let first = people.first().map(|p| vec![*p]);
            NewContact {
                at: crate::ground::calendar::day_start(day) + minute_of_day * 60,
                minutes: [15, 30, 45, 45, 60, 90][rng.below(6)],
                mode,
                initiative: Initiative::ALL[rng.below(3)],
                persons: people,
                support,
                tags: if rng.below(10) == 0 {
                    vec!["sociale vaardigheden".into()]
                } else {
                    Vec::new()
                },
                note,
                own_experience: rng.below(3) == 0,
                own_experience_note: String::new(),
                own_words: rng.pick(OWN_WORDS).into(),
                signal: rng.below(40) == 0,
                signal_note: String::new(),
                follow_up: None,
                for_consult: rng.below(5) == 0,
                signal_for: first.clone(),
                own_words_for: first,
                checkin_for: None,
                whose_unsure: false,
                goals: None,
                ratings: None,
            }
        })
        .collect()
}

/// Most demo people and contacts one call adds.
pub const MAX_PEOPLE: i64 = 1_000;
pub const MAX_CONTACTS: i64 = 2_000_000;

/// Fills a vault with `people` demo people and `contacts` contacts; returns the
/// person ids. All or nothing: one transaction, so a kill halfway leaves the vault as
/// it was and a rerun starts clean. Generated in batches so a million contacts fit in
/// memory. Aliases already taken (an earlier run) get the next free number.
pub fn fill(conn: &Connection, people: usize, n_contacts: usize, seed: u64) -> Result<Vec<i64>> {
    crate::ground::limits::check_range("people", people as i64, 1, MAX_PEOPLE)?;
    crate::ground::limits::check_range("contacts", n_contacts as i64, 0, MAX_CONTACTS)?;
    crate::store::db::write_tx(conn, |tx| fill_in(tx, people, n_contacts, seed))
}

fn fill_in(conn: &Connection, people: usize, n_contacts: usize, seed: u64) -> Result<Vec<i64>> {
    let mut rng = Rng::new(seed);
    let mut ids = Vec::with_capacity(people);
    for i in 0..people {
        let name = NAMES[i % NAMES.len()];
        let mut k = 1 + i / NAMES.len();
        let alias = loop {
            let a = match k {
                1 => format!("{name} (demo)"),
                k => format!("{name} {k} (demo)"),
            };
            if !person::alias_taken(conn, &a)? {
                break a;
            }
            k += 1;
        };
        let context = match i % 10 {
            7 => Context::Youth,
            8 => Context::Colleague,
            9 => Context::GroupMember,
            _ => Context::Client,
        };
        let p = person::insert(
            conn,
            &NewPerson {
                alias,
                context: Some(context),
                wishes: "Weer zelf de regie over mijn geld.".into(),
                strengths: "Doorzetter, grappig, goed met dieren.".into(),
                ..NewPerson::default()
            },
        )?;
        ids.push(p.id);
    }
    if ids.is_empty() {
        return Ok(ids);
    }
    let end = crate::ground::calendar::today();
    let start = end - chrono::Duration::days(365);
    // Batches cover consecutive stretches of the year, so the whole stays in order.
    let batches = n_contacts.div_ceil(10_000).max(1);
    let span = 365 / batches as i64;
    let mut left = n_contacts;
    for b in 0..batches as i64 {
        let n = left.min(10_000);
        let from = start + chrono::Duration::days(b * span);
        let to = if b + 1 == batches as i64 {
            end
        } else {
            from + chrono::Duration::days(span.max(1))
        };
        contact::insert_all(conn, &contacts(&mut rng, &ids, n, from, to))?;
        left -= n;
    }
    Ok(ids)
}

//! Model-based test: random sequences of what a peer supporter (or a script) does —
//! add, edit, delete, undo, move a check-in, erase a person — run through the core on
//! a real encrypted vault and, side by side, on a plain in-memory model of what must
//! be true. After every step both must agree; after every sequence `verify` is clean.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use common::*;
use naast::ground::time;
use naast::ground::vocab::Support;
use naast::records::contact::{self, NewContact, Patch};
use naast::records::erasure;
use naast::records::followup;
use naast::records::person::{self, NewPerson};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    AddPerson,
    AddContact {
        persons: Vec<usize>,
        note: u8,
        follow_up: Option<u8>,
    },
    EditNote {
        which: usize,
        note: u8,
    },
    EditFollowUp {
        which: usize,
        follow_up: Option<u8>,
    },
    EditPersons {
        which: usize,
        persons: Vec<usize>,
    },
    Delete {
        which: usize,
    },
    Undo,
    MoveCheckIn {
        which: usize,
        day: u8,
    },
    Erase {
        which: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let persons = prop::collection::vec(0usize..6, 1..3);
    prop_oneof![
        1 => Just(Op::AddPerson),
        4 => (persons.clone(), any::<u8>(), prop::option::of(0u8..30))
            .prop_map(|(persons, note, follow_up)| Op::AddContact { persons, note, follow_up }),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(which, note)| Op::EditNote { which, note }),
        2 => (any::<usize>(), prop::option::of(0u8..30))
            .prop_map(|(which, follow_up)| Op::EditFollowUp { which, follow_up }),
        1 => (any::<usize>(), persons).prop_map(|(which, persons)| Op::EditPersons { which, persons }),
        2 => any::<usize>().prop_map(|which| Op::Delete { which }),
        1 => Just(Op::Undo),
        2 => (any::<usize>(), 0u8..60).prop_map(|(which, day)| Op::MoveCheckIn { which, day }),
        1 => any::<usize>().prop_map(|which| Op::Erase { which }),
    ]
}

fn day(n: u8) -> NaiveDate {
    time::parse_date("2026-12-01").unwrap() + chrono::Duration::days(n as i64)
}

#[derive(Debug, Clone, PartialEq)]
struct MContact {
    persons: BTreeSet<i64>,
    note: String,
    follow_up: Option<NaiveDate>,
}

/// An open check-in: who, when, from which contact (if it still exists), and whether
/// the user touched it (moved) so that edits leave it alone.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct MCheckIn {
    person: i64,
    due: NaiveDate,
    contact: Option<i64>,
    touched: bool,
}

#[derive(Default)]
struct Model {
    people: BTreeSet<i64>,
    contacts: BTreeMap<i64, MContact>,
    checkins: Vec<MCheckIn>,
    last_deleted: Option<MContact>,
    highest_contact: i64,
    highest_person: i64,
}

impl Model {
    fn update(&mut self, id: i64, new: MContact) {
        let old = self.contacts.insert(id, new.clone()).expect("exists");
        if old.follow_up == new.follow_up && old.persons == new.persons {
            return;
        }
        let mut covered = BTreeSet::new();
        let mut keep = Vec::new();
        for ci in self.checkins.drain(..) {
            if ci.contact != Some(id) {
                keep.push(ci);
                continue;
            }
            let untouched = !ci.touched && Some(ci.due) == old.follow_up;
            if !untouched {
                covered.insert(ci.person);
                keep.push(ci);
                continue;
            }
            match new.follow_up {
                Some(d) if new.persons.contains(&ci.person) => {
                    covered.insert(ci.person);
                    keep.push(MCheckIn { due: d, ..ci });
                }
                _ => {}
            }
        }
        self.checkins = keep;
        if let Some(d) = new.follow_up {
            for p in &new.persons {
                if covered.insert(*p) {
                    self.checkins.push(MCheckIn {
                        person: *p,
                        due: d,
                        contact: Some(id),
                        touched: false,
                    });
                }
            }
        }
    }
}

fn pick<T: Copy>(set: impl IntoIterator<Item = T>, which: usize) -> Option<T> {
    let v: Vec<T> = set.into_iter().collect();
    (!v.is_empty()).then(|| v[which % v.len()])
}

fn checkins_in_vault(c: &rusqlite::Connection) -> Vec<MCheckIn> {
    let mut v: Vec<MCheckIn> = followup::open(c, None)
        .unwrap()
        .into_iter()
        .map(|f| MCheckIn {
            person: f.person_id,
            due: f.due,
            contact: f.contact_id,
            touched: f.moved > 0,
        })
        .collect();
    v.sort();
    v
}

fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let t = TestVault::new();
    let (v, _) = t.init_keyring();
    let c = v.conn();
    let mut m = Model::default();
    let mut aliases = 0;
    for op in ops {
        match op {
            Op::AddPerson => {
                aliases += 1;
                let p = person::add(
                    c,
                    &NewPerson {
                        alias: format!("Persoon {aliases}"),
                        ..Default::default()
                    },
                )
                .unwrap();
                prop_assert!(p.id > m.highest_person, "person id {} reused", p.id);
                m.highest_person = p.id;
                m.people.insert(p.id);
            }
            Op::AddContact {
                persons,
                note,
                follow_up,
            } => {
                let chosen: BTreeSet<i64> = persons
                    .iter()
                    .filter_map(|i| pick(m.people.iter().copied(), *i))
                    .collect();
                if chosen.is_empty() {
                    continue;
                }
                let mut n =
                    NewContact::now(chosen.iter().copied().collect(), vec![Support::Emotional]);
                n.note = format!("notitie {note}");
                n.follow_up = follow_up.map(day);
                let id = contact::add(c, &n).unwrap();
                prop_assert!(id > m.highest_contact, "contact id {id} reused");
                m.highest_contact = id;
                let mc = MContact {
                    persons: chosen,
                    note: n.note,
                    follow_up: n.follow_up,
                };
                if let Some(d) = mc.follow_up {
                    for p in &mc.persons {
                        m.checkins.push(MCheckIn {
                            person: *p,
                            due: d,
                            contact: Some(id),
                            touched: false,
                        });
                    }
                }
                m.contacts.insert(id, mc);
            }
            Op::EditNote { which, note } => {
                let Some(id) = pick(m.contacts.keys().copied(), which) else {
                    continue;
                };
                let patch = Patch {
                    note: Some(format!("bewerkt {note}")),
                    ..Patch::default()
                };
                contact::edit(c, id, &patch).unwrap();
                let mut new = m.contacts[&id].clone();
                new.note = format!("bewerkt {note}");
                m.update(id, new);
            }
            Op::EditFollowUp { which, follow_up } => {
                let Some(id) = pick(m.contacts.keys().copied(), which) else {
                    continue;
                };
                let patch = Patch {
                    follow_up: Some(follow_up.map(day)),
                    ..Patch::default()
                };
                contact::edit(c, id, &patch).unwrap();
                let mut new = m.contacts[&id].clone();
                new.follow_up = follow_up.map(day);
                m.update(id, new);
            }
            Op::EditPersons { which, persons } => {
                let Some(id) = pick(m.contacts.keys().copied(), which) else {
                    continue;
                };
                let chosen: BTreeSet<i64> = persons
                    .iter()
                    .filter_map(|i| pick(m.people.iter().copied(), *i))
                    .collect();
                if chosen.is_empty() {
                    continue;
                }
                let patch = Patch {
                    persons: Some(chosen.iter().copied().collect()),
                    ..Patch::default()
                };
                contact::edit(c, id, &patch).unwrap();
                let mut new = m.contacts[&id].clone();
                new.persons = chosen;
                m.update(id, new);
            }
            Op::Delete { which } => {
                let Some(id) = pick(m.contacts.keys().copied(), which) else {
                    continue;
                };
                let old = contact::delete(c, id).unwrap();
                prop_assert_eq!(old.note.clone(), m.contacts[&id].note.clone());
                let mc = m.contacts.remove(&id).unwrap();
                m.checkins.retain(|ci| ci.contact != Some(id));
                m.last_deleted = Some(mc);
                // Deleting it again (a script's repeated line) is refused.
                prop_assert!(contact::delete(c, id).is_err());
            }
            Op::Undo => {
                let Some(mc) = m.last_deleted.take() else {
                    continue;
                };
                let persons: Vec<i64> = mc
                    .persons
                    .iter()
                    .copied()
                    .filter(|p| m.people.contains(p))
                    .collect();
                if persons.is_empty() {
                    continue;
                }
                let mut n = NewContact::now(persons.clone(), vec![Support::Emotional]);
                n.note = mc.note.clone();
                n.follow_up = mc.follow_up;
                let id = contact::add(c, &n).unwrap();
                prop_assert!(id > m.highest_contact);
                m.highest_contact = id;
                if let Some(d) = n.follow_up {
                    for p in &persons {
                        m.checkins.push(MCheckIn {
                            person: *p,
                            due: d,
                            contact: Some(id),
                            touched: false,
                        });
                    }
                }
                m.contacts.insert(
                    id,
                    MContact {
                        persons: persons.into_iter().collect(),
                        ..mc
                    },
                );
            }
            Op::MoveCheckIn { which, day: d } => {
                let open = followup::open(c, None).unwrap();
                let Some(f) = pick(open.iter().map(|f| f.id), which) else {
                    continue;
                };
                let before = followup::get(c, f).unwrap();
                followup::move_to(c, f, day(d)).unwrap();
                let target = MCheckIn {
                    person: before.person_id,
                    due: before.due,
                    contact: before.contact_id,
                    touched: before.moved > 0,
                };
                let at = m.checkins.iter().position(|ci| *ci == target);
                prop_assert!(at.is_some(), "model lacks {target:?}");
                let ci = &mut m.checkins[at.unwrap_or_default()];
                ci.due = day(d);
                ci.touched = true;
            }
            Op::Erase { which } => {
                let Some(p) = pick(m.people.iter().copied(), which) else {
                    continue;
                };
                erasure::erase(c, p).unwrap();
                m.people.remove(&p);
                m.checkins.retain(|ci| ci.person != p);
                let gone: Vec<i64> = m
                    .contacts
                    .iter()
                    .filter(|(_, mc)| mc.persons.len() == 1 && mc.persons.contains(&p))
                    .map(|(id, _)| *id)
                    .collect();
                for id in gone {
                    m.contacts.remove(&id);
                    // A done or untouched check-in of another person would point here.
                    for ci in m.checkins.iter_mut().filter(|ci| ci.contact == Some(id)) {
                        ci.contact = None;
                    }
                }
                for mc in m.contacts.values_mut() {
                    mc.persons.remove(&p);
                }
                if let Some(d) = &mut m.last_deleted {
                    d.persons.remove(&p);
                }
            }
        }
        // Compare the whole state after every step.
        let vault: BTreeMap<i64, MContact> = contact::list(c, &Default::default(), None, None)
            .unwrap()
            .into_iter()
            .map(|x| {
                (
                    x.id,
                    MContact {
                        persons: x.persons.iter().map(|p| p.id).collect(),
                        note: x.note,
                        follow_up: x.follow_up,
                    },
                )
            })
            .collect();
        prop_assert_eq!(&vault, &m.contacts);
        let people: BTreeSet<i64> = person::list(c).unwrap().into_iter().map(|p| p.id).collect();
        prop_assert_eq!(&people, &m.people);
        let mut expect = m.checkins.clone();
        expect.sort();
        prop_assert_eq!(checkins_in_vault(c), expect);
    }
    let problems = v.verify().unwrap();
    prop_assert!(problems.is_empty(), "{problems:?}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_sequences_of_edits_agree_with_the_model(
        ops in prop::collection::vec(op(), 1..40)
    ) {
        // Every sequence starts with two people, so contacts have someone to be with.
        let mut all = vec![Op::AddPerson, Op::AddPerson];
        all.extend(ops);
        run(all)?;
    }
}

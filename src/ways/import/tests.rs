//! The unit tests of the column guesses and of reading Dutch values.

mod fields {
    use crate::ways::import::fields::*;
    use crate::ways::sheet::{Cell, Format, Row, Table};

    fn table(header: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            format: Format::Csv,
            encoding: None,
            separator: None,
            sheet: None,
            sheets: vec![],
            fingerprint: String::new(),
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| Row {
                    number: i + 2,
                    cells: r.iter().map(|c| Cell::Text(c.to_string())).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn dutch_headings_as_peer_supporters_write_them() {
        let t = table(
            &[
                "Datum",
                "Tijd",
                "Cliënt",
                "Duur (min.)",
                "Contactvorm",
                "Soort steun",
                "Verslag",
                "Eigen woorden",
                "Volgende afspraak",
                "Kolom X",
            ],
            &[],
        );
        use Field::*;
        assert_eq!(
            guess_all(&t),
            [
                Some(Date),
                Some(Time),
                Some(Person),
                Some(Minutes),
                Some(Mode),
                Some(Support),
                Some(Note),
                Some(OwnWords),
                Some(FollowUp),
                None
            ]
        );
    }

    #[test]
    fn english_headings_and_naasts_own_export() {
        let t = table(
            &[
                "id",
                "at",
                "minutes",
                "mode",
                "initiative",
                "persons",
                "support",
                "tags",
                "note",
                "own_words",
                "own_experience",
                "own_experience_note",
                "signal",
                "signal_note",
                "follow_up",
                "for_consult",
            ],
            &[],
        );
        use Field::*;
        assert_eq!(
            guess_all(&t),
            [
                None,
                Some(At),
                Some(Minutes),
                Some(Mode),
                Some(Initiative),
                Some(Person),
                Some(Support),
                Some(Tags),
                Some(Note),
                Some(OwnWords),
                Some(OwnExperience),
                Some(OwnExperienceNote),
                Some(Signal),
                Some(SignalNote),
                Some(FollowUp),
                Some(Consult)
            ]
        );
    }

    #[test]
    fn a_duur_column_counts_what_its_values_say() {
        let hours = table(&["duur"], &[&["0,75"], &["1,5"]]);
        assert_eq!(guess_all(&hours), [Some(Field::Hours)]);
        let minutes = table(&["Duur"], &[&["45"], &["60"]]);
        assert_eq!(guess_all(&minutes), [Some(Field::Minutes)]);
    }

    #[test]
    fn each_field_once_and_the_users_choice_wins() {
        let t = table(&["Notitie", "Opmerkingen", "Naam"], &[]);
        let g = guess_all(&t);
        assert_eq!(g, [Some(Field::Note), None, Some(Field::Person)]);
        let (col, f) = map_arg(&t, "opmerkingen=note").unwrap();
        assert_eq!(
            apply(&g, &[(col, f)]),
            [None, Some(Field::Note), Some(Field::Person)]
        );
        assert_eq!(map_arg(&t, "C=skip").unwrap(), (2, None));
        assert!(map_arg(&t, "Onbekend=note").is_err());
        assert!(map_arg(&t, "Naam=iets").is_err());
        assert!(map_arg(&t, "Naam").is_err());
        assert_eq!(letter(0), "A");
        assert_eq!(letter(27), "AB");
        assert_eq!(column(&t, "b").unwrap(), 1);
    }
}

mod values {
    use crate::ways::import::values::*;
    use crate::ways::sheet::Cell;
    use chrono::{NaiveDate, NaiveTime};

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }
    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn dates_the_dutch_way() {
        for (s, want) in [
            ("3-2-2025", d(2025, 2, 3)),
            ("03-02-25", d(2025, 2, 3)),
            ("3/2/2025", d(2025, 2, 3)),
            ("3.2.2025", d(2025, 2, 3)),
            ("3 feb 2025", d(2025, 2, 3)),
            ("3 feb. 2025", d(2025, 2, 3)),
            ("3 februari 2025", d(2025, 2, 3)),
            ("ma 3 feb 2025", d(2025, 2, 3)),
            ("maandag 3 februari 2025", d(2025, 2, 3)),
            ("2025-02-03", d(2025, 2, 3)),
            ("31 mei 2024", d(2024, 5, 31)),
        ] {
            assert_eq!(date(&text(s)), Ok((want, None)), "{s}");
        }
    }

    #[test]
    fn dates_with_a_time_in_the_same_cell() {
        for s in [
            "3-2-2025 14.30",
            "3-2-2025 14:30",
            "3-2-2025 om 14.30",
            "3 feb 2025 14:30",
            "2025-02-03 14:30",
            "2025-02-03T14:30:00+01:00",
        ] {
            assert_eq!(date(&text(s)), Ok((d(2025, 2, 3), Some(hm(14, 30)))), "{s}");
        }
    }

    #[test]
    fn excel_date_numbers() {
        // 45691 is 3 February 2025 in Excel; 45691.6041666 is 14:30 that day.
        assert_eq!(date(&Cell::Number(45691.0)), Ok((d(2025, 2, 3), None)));
        assert_eq!(
            date(&Cell::Number(45691.604166667)),
            Ok((d(2025, 2, 3), Some(hm(14, 30))))
        );
        assert_eq!(excel_day(1.0).unwrap().date(), d(1900, 1, 1));
        assert_eq!(excel_day(61.0).unwrap().date(), d(1900, 3, 1));
        assert!(date(&Cell::Number(-3.0)).is_err());
    }

    #[test]
    fn what_is_not_a_date_is_said_as_it_was() {
        for s in [
            "31-2-2025",
            "3-2",
            "morgen",
            "3 foo 2025",
            "2025-13-01",
            "3-2-20255",
        ] {
            assert_eq!(date(&text(s)), Err(Bad::Date(s.into())), "{s}");
        }
    }

    #[test]
    fn times_with_a_point_a_colon_or_as_excel_keeps_them() {
        for s in ["14.30", "14:30", "14u30", "14:30:00", "14.30 uur"] {
            assert_eq!(time(&text(s)), Ok(hm(14, 30)), "{s}");
        }
        assert_eq!(time(&text("9")), Ok(hm(9, 0)));
        assert_eq!(time(&Cell::Number(0.604166667)), Ok(hm(14, 30)));
        assert_eq!(time(&Cell::Time(hm(9, 5))), Ok(hm(9, 5)));
        assert_eq!(time(&Cell::Number(14.3)), Ok(hm(14, 30)));
        assert_eq!(time(&Cell::Number(9.05)), Ok(hm(9, 5)));
        for s in ["25:00", "14.3", "half drie", "14:300"] {
            assert!(time(&text(s)).is_err(), "{s}");
        }
    }

    #[test]
    fn durations_in_minutes_hours_and_hours_colon_minutes() {
        assert_eq!(duration(&text("45"), Unit::Minutes), Ok(45));
        assert_eq!(duration(&text("0,75"), Unit::Hours), Ok(45));
        assert_eq!(duration(&text("1,5"), Unit::Hours), Ok(90));
        assert_eq!(duration(&text("1:15"), Unit::Minutes), Ok(75));
        assert_eq!(duration(&text("1:15"), Unit::Hours), Ok(75));
        assert_eq!(duration(&text("45 min"), Unit::Hours), Ok(45));
        assert_eq!(duration(&text("1,5 uur"), Unit::Minutes), Ok(90));
        assert_eq!(duration(&Cell::Number(0.75), Unit::Hours), Ok(45));
        assert_eq!(duration(&Cell::Minutes(75.0), Unit::Minutes), Ok(75));
        assert_eq!(duration(&Cell::Time(hm(1, 15)), Unit::Minutes), Ok(75));
        for s in ["lang", "1:75", "-5", "1,2,3"] {
            assert!(duration(&text(s), Unit::Minutes).is_err(), "{s}");
        }
    }

    #[test]
    fn a_column_of_small_numbers_counts_hours() {
        let (a, b, c) = (text("0,75"), text("1,5"), Cell::Number(2.0));
        assert_eq!(unit_of(&[&a, &b, &c]), Unit::Hours);
        let (a, b) = (text("45"), text("60"));
        assert_eq!(unit_of(&[&a, &b]), Unit::Minutes);
        assert_eq!(unit_of(&[]), Unit::Minutes);
    }

    #[test]
    fn yes_and_no() {
        for s in ["ja", "Ja", "x", "1", "WAAR", "yes"] {
            assert_eq!(yes_no(&text(s)), Ok(true), "{s}");
        }
        for s in ["nee", "", "0", "onwaar"] {
            assert_eq!(yes_no(&text(s)), Ok(false), "{s}");
        }
        assert_eq!(yes_no(&Cell::Empty), Ok(false));
        assert!(yes_no(&text("misschien")).is_err());
    }
}

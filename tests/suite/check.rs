//! `entente check` and failing builds: every problem with file:line:col, nothing written. A
//! site that must fail with given diagnostics is best a folder under `tests/fixtures/invalid/`
//! (see `fixture_sites`); the tests here edit a site between runs.

use crate::common::*;
use std::fs;

fn stderr_of(args: &[&str]) -> (i32, String) {
    let out = entente(args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn duplicate_ids_name_both_files() {
    let site = copy_invalid("broken");
    // Make c.yaml otherwise valid so only the duplicate remains there.
    fs::write(
        site.path().join("content/events/c.yaml"),
        "- id: same-id\n  date: 2025-02-02\n  title: Dup\n  type: meeting\n",
    )
    .unwrap();
    let (code, err) = stderr_of(&["check", "--root", site.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    let a = site.path().join("content/events/a.yaml");
    let c = site.path().join("content/events/c.yaml");
    assert!(
        err.contains(&format!(
            "{}:1:7: error: duplicate id \"same-id\": also used at {}:1:7",
            a.display(),
            c.display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}:1:7: error: duplicate id \"same-id\": also used at {}:1:7",
            c.display(),
            a.display()
        )),
        "{err}"
    );
}

#[test]
fn non_utf8_files_are_reported_with_position() {
    let site = copy_site("basic");
    let bad = site.path().join("content/events/latin1.yaml");
    fs::write(&bad, b"title: Caf\xe9\n").unwrap();
    let (code, err) = stderr_of(&["check", "--root", site.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "{}:1:11: error: file is not valid UTF-8",
            bad.display()
        )),
        "{err}"
    );
}

#[test]
fn failed_build_leaves_previous_site_untouched() {
    let site = copy_site("basic");
    build(site.path());
    let index = site.path().join("public/index.html");
    let before = fs::read(&index).unwrap();
    fs::write(
        site.path().join("content/events/broken.yaml"),
        "date: 2025-02-30\ntitle: x\ntype: call\n",
    )
    .unwrap();
    let (code, err) = stderr_of(&["build", "--root", site.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("broken.yaml:1:7: error: invalid date \"2025-02-30\""),
        "{err}"
    );
    assert!(err.contains("nothing was written"));
    assert_eq!(fs::read(&index).unwrap(), before);
    let leftovers: Vec<_> = fs::read_dir(site.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().contains("entente"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn output_directory_cannot_replace_sources() {
    let site = copy_site("basic");
    let root = site.path().to_str().unwrap();
    for out in ["content", "static", "."] {
        let target = site.path().join(out);
        let (code, err) = stderr_of(&["build", "--root", root, "--out", target.to_str().unwrap()]);
        assert_eq!(code, 2, "{out}: {err}");
        assert!(err.contains("refusing"), "{err}");
    }
    assert!(site.path().join("content/site.yaml").exists());
}

#[test]
fn check_writes_nothing() {
    let site = copy_site("basic");
    let out = entente(&["check", "--root", site.path().to_str().unwrap()]);
    assert!(out.status.success());
    assert!(!site.path().join("public").exists());
}

#[test]
fn unquoted_year_is_a_year() {
    let site = copy_site("basic");
    build(site.path());
    let json: serde_json::Value =
        serde_json::from_str(&read(&site.path().join("public/events.json"))).unwrap();
    let talks = json
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "1985-talks-with-the-u-s-s-r")
        .unwrap();
    assert_eq!(talks["date"], "1985");
    assert_eq!(talks["precision"], "year");
    assert_eq!(talks["countries"][0]["code"], "SUHH");
}

#[test]
fn every_bad_item_of_a_list_is_reported_and_good_items_still_checked() {
    let site = copy_site("basic");
    let file = site.path().join("content/events/many.yaml");
    fs::write(
        &file,
        "- titel: A\n  date: 2025-01-01\n  type: call\n- title: B\n  date: 2025-01-02\n  type: call\n  countries: [Narnia]\n- title: C\n  date: 2025-01-03\n  type: call\n  colour: red\n",
    )
    .unwrap();
    let (code, err) = stderr_of(&["check", "--root", site.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    let f = file.display();
    assert!(
        err.contains(&format!(
            "{f}:1:3: error: unknown field `titel`: did you mean `title`?"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{f}:7:15: error: unknown country \"Narnia\"")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{f}:11:3: error: unknown field `colour`")),
        "{err}"
    );
}

#[test]
fn an_article_without_a_year_is_reported_not_dated_1970() {
    let site = copy_site("basic");
    let articles = site.path().join("content/articles");
    fs::create_dir_all(&articles).unwrap();
    let yearless = articles.join("yearless.txt");
    fs::write(
        &yearless,
        "Rubio meets Caribbean leaders\nWASHINGTON, May 7 (KUNA) -- Marco Rubio met the prime \
         minister of Jamaica late Tuesday.\n",
    )
    .unwrap();
    let undated = articles.join("undated.md");
    fs::write(
        &undated,
        "---\ntitle: Talks\n---\nMarco Rubio met the prime minister of Jamaica on Tuesday.\n",
    )
    .unwrap();
    let root = site.path().to_str().unwrap();
    let (code, err) = stderr_of(&["check", "--root", root]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!(
            "{}:2:1: error: the dateline gives no year",
            yearless.display()
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}:1:1: error: the article has no date",
            undated.display()
        )),
        "{err}"
    );
    let (code, _) = stderr_of(&["build", "--root", root]);
    assert_eq!(code, 1);
    assert!(!site.path().join("public/index.html").exists());

    // With the year, the same article builds and its meeting lands on the Tuesday.
    fs::remove_file(&undated).unwrap();
    fs::write(
        &yearless,
        "date 2025-05-07 20\nRubio meets Caribbean leaders\nWASHINGTON, May 7 (KUNA) -- Marco \
         Rubio met the prime minister of Jamaica late Tuesday.\n",
    )
    .unwrap();
    let (code, err) = stderr_of(&["build", "--root", root]);
    assert_eq!(code, 0, "{err}");
    let page = read(&site.path().join("public/articles/yearless.html"));
    assert!(page.contains("datetime=\"2025-05-06\""), "{page}");
    assert!(!page.contains("1970") && !page.contains("1969"));
}

#[test]
fn repeated_events_are_pointed_out_but_kept() {
    let site = copy_site("basic");
    let events = site.path().join("content/events");
    let entry = |id: &str, title: &str| {
        format!(
            "- id: {id}\n  date: 2021-03-15\n  end: 2021-03-17\n  title: {title}\n  type: visit\n  countries: [JP]\n"
        )
    };
    let first = events.join("x1.yaml");
    let second = events.join("x2.yaml");
    fs::write(&first, entry("blinken-japan-1", "Blinken visits Japan")).unwrap();
    fs::write(
        &second,
        format!(
            "{}{}",
            entry("blinken-japan-2", "Blinken visits Japan again"),
            entry("blinken-korea", "Blinken visits Korea")
        ),
    )
    .unwrap();
    let root = site.path().to_str().unwrap();
    let out = entente(&["check", "--root", root]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 0, "another title: {stderr}");

    fs::write(
        &second,
        format!(
            "{}{}",
            // Case and spacing do not make another engagement.
            entry("blinken-japan-2", "blinken visits  Japan "),
            entry("blinken-korea", "Blinken visits Korea")
        ),
    )
    .unwrap();
    let out = entente(&["check", "--root", root]);
    assert_eq!(out.status.code(), Some(0), "a warning is not an error");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim_end(),
        format!(
            "{}:1:1: warning: event \"blinken-japan-2\" repeats \"blinken-japan-1\" ({}:1): same \
             dates, type, countries and title; delete one if they are the same engagement",
            second.display(),
            first.display()
        )
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("(1 warning)"));
    // Both are built: nothing is dropped on a guess.
    let out = entente(&["build", "--root", root]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: event \"blinken-japan-2\""));
    for id in ["blinken-japan-1", "blinken-japan-2"] {
        assert!(site
            .path()
            .join(format!("public/events/{id}.html"))
            .is_file());
    }
}

#[test]
fn single_values_are_lists_of_one_and_catalogue_names_are_understood() {
    let site = copy_site("basic");
    let file = site.path().join("content/events/single.yaml");
    fs::write(
        &file,
        "- id: single-values\n  date: 2025-05-06\n  title: Call with Jamaica\n  type: call\n  \
         countries: Jamaica\n  actors: Marco Rubio\n  tags: 2025\n  places:\n\
         - id: catalogue-names\n  date: 2025-05-07\n  title: Call with Seoul\n  type: call\n  \
         countries: [\"Korea, South\", \"Bahamas, The\"]\n",
    )
    .unwrap();
    let root = site.path().to_str().unwrap();
    let out = entente(&["build", "--root", root]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = read(&site.path().join("public/events/single-values.html"));
    assert!(!page.contains("Places"), "an empty `places:` is no places");
    for text in ["Jamaica", "Marco Rubio", "2025</a>"] {
        assert!(page.contains(text), "{text}: {page}");
    }
    let page = read(&site.path().join("public/events/catalogue-names.html"));
    assert!(
        page.contains("South Korea") && page.contains("Bahamas"),
        "{page}"
    );

    fs::write(
        &file,
        "- date: 2025-05-06\n  title: Call\n  type: call\n  countries: {JM: yes}\n",
    )
    .unwrap();
    let (code, err) = stderr_of(&["check", "--root", root]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "{}:4:14: error: invalid type: map, expected a name or a list of names",
            file.display()
        )),
        "{err}"
    );
}

#[test]
fn completions_and_colour_follow_the_flags() {
    let out = entente(&["completions", "bash"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("_entente()"));
    let broken = fixture("invalid/broken");
    let root = broken.to_str().unwrap();
    let always = entente(&["--color", "always", "check", "--root", root]);
    assert!(String::from_utf8_lossy(&always.stderr).contains("\x1b["));
    // NO_COLOR wins over a terminal, but not over an explicit `--color always`.
    for args in [
        &["--color", "never", "check", "--root", root][..],
        &["check", "--root", root][..],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_entente"))
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .expect("run entente");
        assert_eq!(out.status.code(), Some(1));
        assert!(!String::from_utf8_lossy(&out.stderr).contains('\x1b'));
    }
}

/// Everything `check` prints for the broken fixture, in order, with the temporary directory as
/// `[ROOT]`: wording, positions, order and the summary line in one reviewable file.
#[test]
fn check_output_snapshot() {
    let site = copy_invalid("broken");
    let root = site.path().to_str().unwrap();
    let out = entente_plain(&["check", "--root", root], site.path());
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("broken_check_output", transcript(&out, site.path()));
}

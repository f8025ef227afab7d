//! Tests of the timeline graphic: no two labels overlap, crowds grow the canvas, text is
//! wrapped, cut and escaped.

use super::layout::Rect;
use super::text::wrap;
use super::*;
use chrono::Duration;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn item(n: usize, first: NaiveDate, last: NaiveDate, single: bool) -> Item {
    Item {
        id: format!("e{n}"),
        title: format!("Synthetic engagement number {n} between several delegations"),
        date_label: first.to_string(),
        kind: EventType::ALL[n % EventType::ALL.len()],
        first,
        last,
        single_day: single,
    }
}

/// 40 events over a year: a cluster of 10 on one day, 6 on another, months and ranges.
fn forty() -> Vec<Item> {
    let mut items = Vec::new();
    for n in 0..10 {
        items.push(item(n, day(2025, 3, 14), day(2025, 3, 14), true));
    }
    for n in 10..16 {
        items.push(item(n, day(2025, 11, 30), day(2025, 11, 30), true));
    }
    for n in 16..22 {
        items.push(item(n, day(2025, 6, 1), day(2025, 6, 30), false));
    }
    for n in 22..40 {
        let d = day(2025, 1, 1) + Duration::days((n as i64 - 22) * 19);
        items.push(item(n, d, d + Duration::days((n % 3) as i64), n % 3 == 0));
    }
    items
}

fn assert_clean(l: &Layout) {
    for (i, a) in l.placed.iter().enumerate() {
        let r = a.label;
        assert!(
            r.x >= 0.0 && r.x + r.w <= l.width,
            "label {i} off canvas: {r:?}"
        );
        assert!(
            r.y >= PLOT_TOP && r.y + r.h <= l.legend_top,
            "label {i}: {r:?}"
        );
        let axis = Rect {
            x: 0.0,
            y: l.axis_y - AXIS_ABOVE,
            w: l.width,
            h: AXIS_ABOVE + AXIS_BELOW,
        };
        assert!(!r.overlaps(&axis), "label {i} on the axis: {r:?}");
        for (j, b) in l.placed.iter().enumerate().skip(i + 1) {
            assert!(!r.overlaps(&b.label), "labels {i} and {j} overlap");
        }
    }
    let mut last = f64::MIN;
    for t in &l.ticks {
        if let Some((x, label)) = &t.label {
            assert!(*x > last, "tick labels overlap");
            last = x + text_width(label, TICK_SIZE, false);
        }
    }
}

#[test]
fn forty_events_with_same_day_clusters_never_overlap() {
    let items = forty();
    let l = layout(&items);
    assert_eq!(l.placed.len(), 40);
    assert_clean(&l);
}

#[test]
fn crowds_make_the_canvas_taller_not_the_labels_overlap() {
    let items: Vec<Item> = (0..60)
        .map(|n| item(n, day(2024, 2, 29), day(2024, 2, 29), true))
        .collect();
    let l = layout(&items);
    assert_eq!(l.level, LEVELS[LEVELS.len() - 1]);
    assert!(l.height > HEIGHT);
    assert_clean(&l);
}

#[test]
fn few_events_keep_the_slide_size_and_largest_text() {
    let items = vec![item(0, day(2025, 5, 6), day(2025, 5, 7), false)];
    let l = layout(&items);
    assert_eq!((l.width, l.height), (WIDTH, HEIGHT));
    assert_eq!(l.level, LEVELS[0]);
    assert_clean(&l);
    assert_clean(&layout(&[]));
}

#[test]
fn wrapping_cuts_with_an_ellipsis_and_respects_the_width() {
    let lines = wrap(
        "Rubio meets Eastern Caribbean and Bahamas heads of government in Washington",
        17.0,
        200.0,
        2,
    );
    assert_eq!(lines.len(), 2);
    assert!(lines[1].ends_with('\u{2026}'), "{lines:?}");
    for l in &lines {
        assert!(text_width(l, 17.0, false) <= 200.0, "{l}");
    }
    assert_eq!(wrap("Short", 17.0, 200.0, 2), vec!["Short"]);
    let long = wrap("Supercalifragilisticexpialidociousnesses", 17.0, 100.0, 1);
    assert!(long[0].ends_with('\u{2026}') && text_width(&long[0], 17.0, false) <= 100.0);
}

#[test]
fn svg_escapes_text() {
    let mut items = forty();
    items[0].title = "<script>&\"'".into();
    let svg = to_svg(
        &Heading {
            title: "A & B <c>",
            subtitle: "x",
            credit: "y",
        },
        &items,
    );
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("A &amp; B &lt;c&gt;"));
    assert!(roxmltree::Document::parse(&svg).is_ok());
}

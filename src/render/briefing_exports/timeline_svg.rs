//! A briefing's events as a horizontal timeline graphic (`briefings/<id>.svg`), sized for a
//! 16:9 slide (1600 x 900) and made taller, never denser than readable, for many events.
//!
//! In: the briefing's title, "as of" date, credit line and events. Out: an SVG document.
//! [`layout`](fn@layout) is pure arithmetic on numbers and strings so that the browser can
//! repeat it for a filtered view; [`to_svg`] only draws what the layout decided.
//!
//! # Layout (keep in step with any JavaScript copy)
//! 1. **Time scale.** The axis covers the first day of the earliest event to the day after
//!    the last day of the latest, widened by 3% each side (and to at least 30 days). A date
//!    maps linearly to x between the plot's left and right edges.
//! 2. **Marks.** A single day is a dot at the middle of its day; anything longer (a month,
//!    a year, a range) is a bar across the days it covers. An event's *anchor* is the
//!    middle of its dot or bar.
//! 3. **Labels.** Each event has a label: its type's symbol, its date as written ("March
//!    2025") and its title, word-wrapped to at most `title_lines` lines of `max_title`
//!    pixels, the last line cut with "…" when the title is longer. Text widths are
//!    estimated, never measured: [`text_width`] sums per-character advances (the larger of
//!    Liberation Sans, which has Arial's metrics, and DejaVu Sans, for ASCII; a full em for
//!    anything else), so the estimate is at least the real width in any of these fonts.
//! 4. **Lanes.** Labels sit in lanes above and below the axis, each lane one label high.
//!    Lane slots are tried in the order above-1, below-1, above-2, below-2, ... Labels are
//!    taken in order of anchor (ties in briefing order); each label's box starts at
//!    `anchor - 7` (its symbol over the anchor), moved left or right as needed to stay in
//!    the plot, and goes into the first slot whose last box ends at least `GAP` before it.
//!    A new slot is opened when none fits. Boxes in one lane therefore never overlap, and
//!    lanes do not overlap each other or the axis band.
//! 5. **Density levels.** The levels in [`LEVELS`] are tried in order (smaller text,
//!    narrower and fewer title lines); the first whose lanes fit the plot's height wins.
//!    When even the last does not fit, the canvas grows taller until its lanes fit: a
//!    report page rather than a slide, but every label stays readable.
//! 6. **Leaders.** A thin line joins each anchor to its label. Leaders are drawn first and
//!    labels on a white backing, so a leader passes behind the labels between its anchor
//!    and its own label rather than through their text.
//! 7. **Axis ticks.** Ticks at years, quarters, months or weeks (whichever gives at most
//!    about 14 labels), each label starting just right of its tick; a tick label that would
//!    touch the previous one is left out.
//! 8. **Legend and credit.** Along the bottom: each type present, as its symbol (shape and
//!    colour, so it survives black-and-white printing) and name, then the marks for a day
//!    and for a longer period; the credit line (site name) at the bottom right.

mod layout;
#[cfg(test)]
mod tests;
mod text;

use crate::model::EventType;
use chrono::NaiveDate;
use layout::{layout, Layout, Placed};
use std::fmt::Write;
pub(crate) use text::escape;
use text::{text_width, truncate};

pub(crate) const WIDTH: f64 = 1600.0;
pub(crate) const HEIGHT: f64 = 900.0;
const MARGIN: f64 = 48.0;
const PLOT_TOP: f64 = 150.0;
/// Half the height of the band the axis, its bars and its tick labels take.
const AXIS_ABOVE: f64 = 16.0;
const AXIS_BELOW: f64 = 34.0;
/// Horizontal space between two labels in one lane, and vertical space between lanes.
pub(crate) const GAP: f64 = 14.0;
const LANE_GAP: f64 = 8.0;
/// Symbol width plus the space before the text.
const SYMBOL_SPACE: f64 = 22.0;
const TITLE_SIZE: f64 = 34.0;
const SUBTITLE_SIZE: f64 = 19.0;
const LEGEND_SIZE: f64 = 16.0;
const TICK_SIZE: f64 = 14.0;
pub(crate) const FONT_FAMILY: &str = "'Liberation Sans', Arial, Helvetica, sans-serif";

/// One density level: the title's font size, its wrap width and how many lines it may take.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Level {
    pub(crate) font_size: f64,
    pub(crate) max_title: f64,
    pub(crate) title_lines: usize,
}

pub(crate) const LEVELS: [Level; 3] = [
    Level {
        font_size: 17.0,
        max_title: 270.0,
        title_lines: 2,
    },
    Level {
        font_size: 15.0,
        max_title: 230.0,
        title_lines: 2,
    },
    // The smallest: 13 px on a 1600 px canvas is about 10 pt on a projected slide. Titles
    // keep two lines: cut to one, too many lose the words that tell events apart.
    Level {
        font_size: 13.0,
        max_title: 170.0,
        title_lines: 2,
    },
];
/// What the graphic needs to know of an event.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub(crate) id: String,
    pub(crate) title: String,
    /// The date as the site writes it, at its precision ("March 2025", "6–7 May 2025").
    pub(crate) date_label: String,
    pub(crate) kind: EventType,
    /// First and last day covered.
    pub(crate) first: NaiveDate,
    pub(crate) last: NaiveDate,
    /// A single known day (drawn as a dot), rather than a month, year or range (a bar).
    pub(crate) single_day: bool,
}
/// The colour of a type: the Okabe–Ito palette, distinguishable with colour-blindness.
pub(crate) fn colour(kind: EventType) -> &'static str {
    match kind {
        EventType::Meeting => "#0072B2",
        EventType::Visit => "#D55E00",
        EventType::Tour => "#009E73",
        EventType::Call => "#CC79A7",
        EventType::Summit => "#E69F00",
        EventType::Statement => "#56B4E9",
        EventType::Agreement => "#F0E442",
        EventType::Other => "#999999",
    }
}

/// The symbol of a type, centred on (cx, cy), about 2r across: a distinct shape per type,
/// so the legend still reads in black and white.
pub(crate) fn symbol_path(kind: EventType, cx: f64, cy: f64, r: f64) -> String {
    let poly = |points: &[(f64, f64)]| {
        let mut d = String::new();
        for (i, (x, y)) in points.iter().enumerate() {
            let _ = write!(
                d,
                "{}{:.1} {:.1}",
                if i == 0 { "M" } else { "L" },
                cx + x * r,
                cy + y * r
            );
        }
        d.push('Z');
        d
    };
    let regular = |n: usize, rot: f64, inner: Option<f64>| {
        let mut pts = Vec::new();
        let steps = if inner.is_some() { n * 2 } else { n };
        for k in 0..steps {
            let a = rot + std::f64::consts::TAU * k as f64 / steps as f64;
            let rad = match inner {
                Some(ir) if k % 2 == 1 => ir,
                _ => 1.0,
            };
            pts.push((rad * a.cos(), rad * a.sin()));
        }
        poly(&pts)
    };
    let up = -std::f64::consts::FRAC_PI_2;
    match kind {
        EventType::Meeting => format!(
            "M{:.1} {:.1}a{r} {r} 0 1 0 {:.1} 0a{r} {r} 0 1 0 {:.1} 0Z",
            cx - r,
            cy,
            2.0 * r,
            -2.0 * r
        ),
        EventType::Visit => poly(&[(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)]),
        EventType::Tour => poly(&[(0.0, -1.15), (1.15, 0.0), (0.0, 1.15), (-1.15, 0.0)]),
        EventType::Call => regular(3, up, None),
        EventType::Summit => regular(5, up, Some(0.45)),
        EventType::Statement => regular(3, -up, None),
        EventType::Agreement => regular(6, 0.0, None),
        EventType::Other => poly(&[
            (-0.35, -1.0),
            (0.35, -1.0),
            (0.35, -0.35),
            (1.0, -0.35),
            (1.0, 0.35),
            (0.35, 0.35),
            (0.35, 1.0),
            (-0.35, 1.0),
            (-0.35, 0.35),
            (-1.0, 0.35),
            (-1.0, -0.35),
            (-0.35, -0.35),
        ]),
    }
}

/// The headline of the graphic.
pub(crate) struct Heading<'a> {
    pub(crate) title: &'a str,
    /// "Information as of 7 May 2025 · 19 events · January 2021 – December 2025".
    pub(crate) subtitle: &'a str,
    /// The site name (and address), bottom right.
    pub(crate) credit: &'a str,
}

/// Draws the graphic.
pub(crate) fn to_svg(heading: &Heading<'_>, items: &[Item]) -> String {
    let l = layout(items);
    let mut s = String::with_capacity(4096 + items.len() * 900);
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" font-family=\"{FONT_FAMILY}\" role=\"img\" aria-labelledby=\"tl-title tl-desc\">",
        w = l.width,
        h = l.height
    );
    let _ = writeln!(
        s,
        "<title id=\"tl-title\">{}</title>\n<desc id=\"tl-desc\">Timeline of {} event{}. {}</desc>",
        escape(heading.title),
        items.len(),
        if items.len() == 1 { "" } else { "s" },
        escape(heading.subtitle)
    );
    let _ = writeln!(
        s,
        "<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        l.width, l.height
    );

    // Headline: the title in as few sizes as it takes to fit, else cut.
    let room = WIDTH - 2.0 * MARGIN;
    let title_size = [TITLE_SIZE, 30.0, 26.0]
        .into_iter()
        .find(|&size| text_width(heading.title, size, true) <= room)
        .unwrap_or(26.0);
    let _ = writeln!(
        s,
        "<text class=\"tl-heading\" x=\"{MARGIN}\" y=\"{:.0}\" font-size=\"{title_size}\" font-weight=\"bold\" fill=\"#1a1a1a\">{}</text>",
        MARGIN + 20.0,
        escape(&truncate(heading.title, title_size, true, room))
    );
    let _ = writeln!(
        s,
        "<text class=\"tl-subtitle\" x=\"{MARGIN}\" y=\"{:.0}\" font-size=\"{SUBTITLE_SIZE}\" fill=\"#444444\">{}</text>",
        MARGIN + 54.0,
        escape(&truncate(heading.subtitle, SUBTITLE_SIZE, false, room))
    );

    // Axis, ticks and tick labels.
    let _ = writeln!(s, "<g class=\"tl-axis\">");
    for t in &l.ticks {
        let _ = writeln!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#8a8a8a\" stroke-width=\"1\"/>",
            l.axis_y - 8.0,
            l.axis_y + 8.0,
            x = t.x
        );
        if let Some((x, label)) = &t.label {
            let _ = writeln!(
                s,
                "<text class=\"tl-tick\" x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{TICK_SIZE}\" fill=\"#555555\">{}</text>",
                l.axis_y + 24.0,
                escape(label)
            );
        }
    }
    let _ = writeln!(
        s,
        "<line x1=\"{:.1}\" y1=\"{y}\" x2=\"{:.1}\" y2=\"{y}\" stroke=\"#333333\" stroke-width=\"2\"/>\n</g>",
        l.plot_left,
        l.plot_right,
        y = l.axis_y
    );

    // Leaders first, so that labels cover them.
    let _ = writeln!(
        s,
        "<g class=\"tl-leaders\" stroke=\"#9a9a9a\" stroke-width=\"1\">"
    );
    for p in &l.placed {
        let end = if p.above {
            p.label.y + p.label.h
        } else {
            p.label.y
        };
        let _ = writeln!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{end:.1}\"/>",
            l.axis_y,
            x = p.anchor
        );
    }
    let _ = writeln!(s, "</g>");

    marks(&mut s, &l, items);
    labels(&mut s, &l, items);
    legend(&mut s, &l, items, heading.credit);
    s.push_str("</svg>\n");
    s
}

/// The marks on the axis: bars for periods, longest first so that shorter ones stay visible
/// on top, then dots for days.
fn marks(s: &mut String, l: &Layout, items: &[Item]) {
    let _ = writeln!(s, "<g class=\"tl-marks\">");
    let mut marks: Vec<&Placed> = l.placed.iter().collect();
    marks.sort_by(|a, b| {
        let single = |p: &Placed| items[p.item].single_day;
        single(a)
            .cmp(&single(b))
            .then((b.x1 - b.x0).total_cmp(&(a.x1 - a.x0)))
            .then(a.item.cmp(&b.item))
    });
    for p in marks {
        let kind = items[p.item].kind;
        if items[p.item].single_day {
            let _ = writeln!(
                s,
                "<circle cx=\"{:.1}\" cy=\"{}\" r=\"4\" fill=\"#1a1a1a\"/>",
                p.anchor, l.axis_y
            );
        } else {
            let _ = writeln!(
                s,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" fill=\"{}\" fill-opacity=\"0.45\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>",
                p.x0,
                l.axis_y - 5.0,
                (p.x1 - p.x0).max(2.0),
                colour(kind)
            );
        }
    }
    let _ = writeln!(s, "</g>");
}

/// Each event's label: its symbol, date and title lines on a white backing.
fn labels(s: &mut String, l: &Layout, items: &[Item]) {
    let level = l.level;
    let date_size = level.date_size();
    let _ = writeln!(s, "<g class=\"tl-labels\">");
    for p in &l.placed {
        let item = &items[p.item];
        let r = p.label;
        let _ = writeln!(
            s,
            "<g class=\"tl-label\" data-event-id=\"{}\">\n<rect class=\"tl-label-box\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#ffffff\" fill-opacity=\"0.92\"/>",
            escape(&item.id),
            r.x,
            r.y,
            r.w,
            r.h
        );
        let _ = writeln!(
            s,
            "<path d=\"{}\" fill=\"{}\" stroke=\"#1a1a1a\" stroke-width=\"1.2\"/>",
            symbol_path(item.kind, r.x + 8.0, r.y + date_size * 0.7, 6.5),
            colour(item.kind)
        );
        let text_x = r.x + SYMBOL_SPACE;
        let _ = writeln!(
            s,
            "<text x=\"{text_x:.1}\" y=\"{:.1}\" font-size=\"{date_size}\" fill=\"#444444\">{}</text>",
            r.y + date_size,
            escape(&truncate(&item.date_label, date_size, false, level.max_title))
        );
        for (k, line) in p.title_lines.iter().enumerate() {
            let _ = writeln!(
                s,
                "<text class=\"tl-title\" x=\"{text_x:.1}\" y=\"{:.1}\" font-size=\"{}\" fill=\"#111111\">{}</text>",
                r.y + (date_size * 1.25).round() + level.line_height() * k as f64 + level.font_size,
                level.font_size,
                escape(line)
            );
        }
        let _ = writeln!(s, "</g>");
    }
    let _ = writeln!(s, "</g>");
}

fn legend(s: &mut String, l: &Layout, items: &[Item], credit: &str) {
    let mut kinds: Vec<EventType> = items.iter().map(|i| i.kind).collect();
    kinds.sort();
    kinds.dedup();
    let y = l.legend_top + 40.0;
    let mut x = MARGIN;
    let _ = writeln!(s, "<g class=\"tl-legend\">");
    for kind in kinds {
        let _ = writeln!(
            s,
            "<path d=\"{}\" fill=\"{}\" stroke=\"#1a1a1a\" stroke-width=\"1.2\"/>",
            symbol_path(kind, x + 8.0, y - 5.5, 7.0),
            colour(kind)
        );
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{y:.1}\" font-size=\"{LEGEND_SIZE}\" fill=\"#222222\">{}</text>",
            x + 22.0,
            escape(kind.plural())
        );
        x += 22.0 + text_width(kind.plural(), LEGEND_SIZE, false) + 26.0;
    }
    // The marks' key, after a wider space.
    x += 14.0;
    let _ = writeln!(
        s,
        "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"#1a1a1a\"/>\n<text x=\"{:.1}\" y=\"{y:.1}\" font-size=\"{LEGEND_SIZE}\" fill=\"#222222\">A day</text>",
        x + 5.0,
        y - 5.5,
        x + 16.0
    );
    x += 16.0 + text_width("A day", LEGEND_SIZE, false) + 26.0;
    let _ = writeln!(
        s,
        "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"30\" height=\"10\" fill=\"#bbbbbb\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>\n<text x=\"{:.1}\" y=\"{y:.1}\" font-size=\"{LEGEND_SIZE}\" fill=\"#222222\">A month, year or range</text>",
        y - 10.5,
        x + 38.0
    );
    let credit = truncate(credit, 14.0, false, WIDTH - 2.0 * MARGIN);
    let _ = writeln!(
        s,
        "<text class=\"tl-credit\" x=\"{:.1}\" y=\"{:.1}\" font-size=\"14\" fill=\"#555555\" text-anchor=\"end\">{}</text>\n</g>",
        WIDTH - MARGIN,
        l.height - 20.0,
        escape(&credit)
    );
}

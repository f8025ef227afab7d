//! A briefing's events as a horizontal timeline graphic (`briefings/<id>.svg`), sized for a
//! 16:9 slide (1600 x 900) and made taller, never denser than readable, for many events.
//!
//! In: the briefing's title, "as of" date, credit line and events. Out: an SVG document.
//! [`layout`] is pure arithmetic on numbers and strings so that the browser can repeat it
//! for a filtered view; [`to_svg`] only draws what the layout decided.
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

use crate::model::EventType;
use chrono::{Datelike, Duration, NaiveDate};
use std::fmt::Write;

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

/// Advance widths in thousandths of an em of the characters U+0020 to U+007E: the larger of
/// Liberation Sans Regular and DejaVu Sans for each (see the module header).
const REGULAR: [u16; 95] = [
    318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637, 637,
    637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 557, 1016, 685, 687, 723, 771, 667,
    611, 778, 752, 295, 500, 667, 558, 863, 749, 788, 667, 788, 723, 667, 611, 732, 685, 989, 686,
    667, 686, 391, 337, 391, 838, 557, 500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278, 580,
    278, 975, 634, 612, 635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838,
];
/// The same for Liberation Sans Bold and DejaVu Sans Bold.
const BOLD: [u16; 95] = [
    349, 457, 521, 838, 696, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 611, 1000, 774, 763, 734, 831, 684,
    684, 821, 837, 373, 557, 775, 638, 996, 837, 851, 733, 851, 771, 721, 683, 813, 774, 1104, 771,
    725, 726, 458, 366, 458, 838, 557, 500, 675, 716, 593, 716, 679, 436, 716, 712, 343, 343, 666,
    343, 1042, 712, 688, 716, 716, 494, 596, 479, 712, 652, 924, 646, 652, 583, 712, 366, 712, 838,
];

/// Estimated width in pixels of `text` at `size` pixels: never less than the real width in
/// Liberation Sans, Arial, Helvetica or DejaVu Sans.
pub(crate) fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let table = if bold { &BOLD } else { &REGULAR };
    let thousandths: u32 = text
        .chars()
        .map(|c| match c as u32 {
            0x20..=0x7E => u32::from(table[(c as usize) - 0x20]),
            _ => 1000,
        })
        .sum();
    f64::from(thousandths) * size / 1000.0
}

/// `text` cut so that it and a trailing "…" fit in `max` pixels (unchanged if it fits).
pub(crate) fn truncate(text: &str, size: f64, bold: bool, max: f64) -> String {
    if text_width(text, size, bold) <= max {
        return text.to_string();
    }
    let room = max - text_width("\u{2026}", size, bold);
    let mut out = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0u8; 4]), size, bold);
        if width + w > room {
            break;
        }
        width += w;
        out.push(c);
    }
    format!("{}\u{2026}", out.trim_end())
}

/// `text` word-wrapped into at most `lines` lines of at most `max` pixels; the last line
/// ends with "…" when words are left over, and a word wider than a line is cut.
pub(crate) fn wrap(text: &str, size: f64, max: f64, lines: usize) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() && out.len() < lines {
        let mut line = String::new();
        while i < words.len() {
            let candidate = if line.is_empty() {
                words[i].to_string()
            } else {
                format!("{line} {}", words[i])
            };
            if text_width(&candidate, size, false) <= max {
                line = candidate;
                i += 1;
            } else {
                break;
            }
        }
        if line.is_empty() {
            // One word wider than a line.
            line = truncate(words[i], size, false, max);
            i += 1;
        }
        out.push(line);
    }
    if i < words.len() {
        if let Some(last) = out.last_mut() {
            let rest = format!("{last} {}", words[i..].join(" "));
            *last = truncate(&rest, size, false, max);
        }
    }
    out
}

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

/// A rectangle: left, top, width, height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) w: f64,
    pub(crate) h: f64,
}

impl Rect {
    #[cfg(test)]
    pub(crate) fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

/// Where one event's label and marks go.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    /// Index into the items.
    pub(crate) item: usize,
    pub(crate) anchor: f64,
    /// The bar's left and right ends (equal for a single day).
    pub x0: f64,
    pub x1: f64,
    pub(crate) label: Rect,
    pub(crate) above: bool,
    pub(crate) title_lines: Vec<String>,
}

/// A tick on the axis and its label (`label_x` is where the text starts).
#[derive(Debug, Clone)]
pub(crate) struct Tick {
    pub(crate) x: f64,
    pub(crate) label: Option<(f64, String)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub(crate) width: f64,
    pub(crate) height: f64,
    pub(crate) level: Level,
    pub(crate) axis_y: f64,
    pub(crate) plot_left: f64,
    pub(crate) plot_right: f64,
    pub(crate) placed: Vec<Placed>,
    pub(crate) ticks: Vec<Tick>,
    /// Bottom of the area labels may use, top of the legend.
    pub(crate) legend_top: f64,
}

impl Level {
    fn date_size(&self) -> f64 {
        (self.font_size * 0.85).round()
    }

    fn line_height(&self) -> f64 {
        (self.font_size * 1.25).round()
    }

    fn label_height(&self) -> f64 {
        (self.date_size() * 1.25).round() + self.line_height() * self.title_lines as f64 + 4.0
    }

    fn lane_height(&self) -> f64 {
        self.label_height() + LANE_GAP
    }
}

/// Room taken at the bottom by the legend and credit.
const LEGEND_HEIGHT: f64 = 96.0;

fn days(from: NaiveDate, to: NaiveDate) -> f64 {
    (to - from).num_days() as f64
}

/// Lane slots for labels `(left, width)` taken in order: slot 0 is above-1, slot 1
/// below-1, slot 2 above-2... Returns each label's slot.
fn assign_slots(labels: &[(f64, f64)]) -> Vec<usize> {
    let mut ends: Vec<f64> = Vec::new();
    let mut slots = Vec::with_capacity(labels.len());
    for &(left, width) in labels {
        match ends.iter().position(|&end| end + GAP <= left) {
            Some(slot) => {
                ends[slot] = left + width;
                slots.push(slot);
            }
            None => {
                ends.push(left + width);
                slots.push(ends.len() - 1);
            }
        }
    }
    slots
}

/// Lays out the graphic (see the module header for the rules).
pub(crate) fn layout(items: &[Item]) -> Layout {
    let plot_left = MARGIN;
    let plot_right = WIDTH - MARGIN;
    let (start, end) = match (
        items.iter().map(|i| i.first).min(),
        items.iter().map(|i| i.last).max(),
    ) {
        (Some(s), Some(e)) => (s, e + Duration::days(1)),
        _ => (
            NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(2000, 2, 1).unwrap_or_default(),
        ),
    };
    let span = days(start, end).max(30.0);
    let pad = (span * 0.03).ceil();
    let d0 = start - Duration::days(pad as i64);
    let total = span + 2.0 * pad;
    let x_of = |d: NaiveDate| plot_left + days(d0, d) / total * (plot_right - plot_left);

    let mut order: Vec<usize> = (0..items.len()).collect();
    let anchors: Vec<(f64, f64, f64)> = items
        .iter()
        .map(|i| {
            let x0 = x_of(i.first);
            let x1 = x_of(i.last + Duration::days(1));
            if i.single_day {
                let mid = (x0 + x1) / 2.0;
                (mid, mid, mid)
            } else {
                (x0, x1, (x0 + x1) / 2.0)
            }
        })
        .collect();
    order.sort_by(|&a, &b| anchors[a].2.total_cmp(&anchors[b].2).then(a.cmp(&b)));

    let default_plot_bottom = HEIGHT - LEGEND_HEIGHT;
    let half = |bottom: f64| ((bottom - PLOT_TOP) - AXIS_ABOVE - AXIS_BELOW) / 2.0;

    let mut chosen = None;
    for (n, level) in LEVELS.iter().enumerate() {
        let boxes: Vec<(Vec<String>, f64, f64)> = order
            .iter()
            .map(|&i| label_box(&items[i], level, anchors[i].2, plot_left, plot_right))
            .collect();
        let slots = assign_slots(
            &boxes
                .iter()
                .map(|(_, left, w)| (*left, *w))
                .collect::<Vec<_>>(),
        );
        let lanes_above = slots
            .iter()
            .filter(|s| *s % 2 == 0)
            .map(|s| s / 2 + 1)
            .max()
            .unwrap_or(0);
        let lanes_below = slots
            .iter()
            .filter(|s| *s % 2 == 1)
            .map(|s| s / 2 + 1)
            .max()
            .unwrap_or(0);
        let lanes = lanes_above.max(lanes_below) as f64;
        let fits = lanes * level.lane_height() <= half(default_plot_bottom);
        if fits || n == LEVELS.len() - 1 {
            chosen = Some((*level, boxes, slots, lanes));
            if fits {
                break;
            }
        }
    }
    let Some((level, boxes, slots, lanes)) = chosen else {
        unreachable!("LEVELS is not empty")
    };
    // Grow the canvas when even the densest level needs more lanes than a slide holds.
    let needed_half = lanes * level.lane_height();
    let height = if needed_half > half(default_plot_bottom) {
        (PLOT_TOP + AXIS_ABOVE + AXIS_BELOW + 2.0 * needed_half + LEGEND_HEIGHT).ceil()
    } else {
        HEIGHT
    };
    let plot_bottom = height - LEGEND_HEIGHT;
    let axis_y = (PLOT_TOP + half(plot_bottom) + AXIS_ABOVE).round();

    let placed = order
        .iter()
        .zip(boxes)
        .zip(slots)
        .map(|((&i, (lines, left, w)), slot)| {
            let lane = (slot / 2) as f64;
            let above = slot % 2 == 0;
            let h = level.label_height();
            let y = if above {
                axis_y - AXIS_ABOVE - (lane + 1.0) * level.lane_height() + LANE_GAP
            } else {
                axis_y + AXIS_BELOW + lane * level.lane_height()
            };
            Placed {
                item: i,
                anchor: anchors[i].2,
                x0: anchors[i].0,
                x1: anchors[i].1,
                label: Rect { x: left, y, w, h },
                above,
                title_lines: lines,
            }
        })
        .collect();

    Layout {
        width: WIDTH,
        height,
        level,
        axis_y,
        plot_left,
        plot_right,
        placed,
        ticks: ticks(d0, d0 + Duration::days(total as i64), &x_of),
        legend_top: plot_bottom,
    }
}

/// A label's title lines, left edge and width.
fn label_box(
    item: &Item,
    level: &Level,
    anchor: f64,
    plot_left: f64,
    plot_right: f64,
) -> (Vec<String>, f64, f64) {
    let lines = wrap(
        &item.title,
        level.font_size,
        level.max_title,
        level.title_lines,
    );
    let date = truncate(&item.date_label, level.date_size(), false, level.max_title);
    let text = lines
        .iter()
        .map(|l| text_width(l, level.font_size, false))
        .fold(text_width(&date, level.date_size(), false), f64::max);
    let w = (SYMBOL_SPACE + text + 4.0).ceil();
    let left = (anchor - 7.0).min(plot_right - w).max(plot_left);
    (lines, left, w)
}

fn month_start(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d)
}

fn add_months(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_months(chrono::Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

const SHORT_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn ticks(from: NaiveDate, to: NaiveDate, x_of: &dyn Fn(NaiveDate) -> f64) -> Vec<Tick> {
    let span = days(from, to);
    let mut dates: Vec<(NaiveDate, String)> = Vec::new();
    if span > 365.0 * 3.5 {
        let years = span / 365.0;
        let step = [1, 2, 5, 10, 20, 50, 100, 200, 500]
            .into_iter()
            .find(|s| years / f64::from(*s) <= 14.0)
            .unwrap_or(1000);
        let mut y = from.year() + 1;
        y += (step - y.rem_euclid(step)) % step;
        while let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) {
            if d >= to {
                break;
            }
            dates.push((d, y.to_string()));
            y += step;
        }
    } else if span > 75.0 {
        let step = if span > 365.0 * 1.2 { 3 } else { 1 };
        let mut d = add_months(month_start(from), 1);
        while !(d.month() - 1).is_multiple_of(step) {
            d = add_months(d, 1);
        }
        let mut first = true;
        while d < to {
            let m = SHORT_MONTHS[d.month0() as usize];
            let label = if first || d.month() == 1 {
                format!("{m} {}", d.year())
            } else {
                m.to_string()
            };
            dates.push((d, label));
            first = false;
            d = add_months(d, step);
        }
    } else {
        // Weeks, from the first Monday.
        let mut d =
            from + Duration::days(i64::from((7 - from.weekday().num_days_from_monday()) % 7));
        while d < to {
            dates.push((
                d,
                format!("{} {}", d.day(), SHORT_MONTHS[d.month0() as usize]),
            ));
            d += Duration::days(7);
        }
    }
    let mut out = Vec::new();
    let mut last_end = f64::MIN;
    for (d, label) in dates {
        let x = x_of(d);
        let start = x + 4.0;
        let label = if start >= last_end + 8.0
            && start + text_width(&label, TICK_SIZE, false) <= WIDTH - MARGIN
        {
            last_end = start + text_width(&label, TICK_SIZE, false);
            Some((start, label))
        } else {
            None
        };
        out.push(Tick { x, label });
    }
    out
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

/// Text for XML: markup characters escaped, characters XML cannot hold dropped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
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
    let level = l.level;
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

    // Marks on the axis: bars for periods, longest first so that shorter ones stay visible
    // on top, then dots for days.
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

    // Labels.
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

    legend(&mut s, &l, items, heading.credit);
    s.push_str("</svg>\n");
    s
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

#[cfg(test)]
mod tests {
    use super::*;

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
}

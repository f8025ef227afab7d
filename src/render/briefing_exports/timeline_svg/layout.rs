//! The layout of the graphic (steps 1 to 5 and 7 of the module header of [`super`]): pure
//! arithmetic on numbers and strings, so that the browser can repeat it.

use super::text::{text_width, truncate, wrap};
use super::{
    Item, Level, AXIS_ABOVE, AXIS_BELOW, GAP, HEIGHT, LANE_GAP, LEVELS, MARGIN, PLOT_TOP,
    SYMBOL_SPACE, TICK_SIZE, WIDTH,
};
use chrono::{Datelike, Duration, NaiveDate};

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
    pub(super) fn date_size(&self) -> f64 {
        (self.font_size * 0.85).round()
    }

    pub(super) fn line_height(&self) -> f64 {
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

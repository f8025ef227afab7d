//! The styles and list numbering the document defines: Word's built-in style names, so an
//! organisation's template restyles the document.

use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelOverride, LevelText, LineSpacing,
    NumberFormat, Numbering, NumberingId, SpecialIndentType, Start, Style, StyleType,
    VertAlignType,
};

/// Ids of the bullet and numbered-list definitions in `numbering.xml`, clear of docx-rs's
/// own default definition (abstract 1, instance 1), which every document carries.
const BULLET_ABSTRACT: usize = 10;
const NUMBER_ABSTRACT: usize = 11;
pub(super) const BULLET_NUM: usize = 10;

pub(super) fn styles(docx: Docx) -> Docx {
    let spacing = |before: u32, after: u32| LineSpacing::new().before(before).after(after);
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        let mut s = Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .ui_priority(9)
            .bold()
            .size(size)
            .color("1F3864")
            .outline_lvl(level)
            .line_spacing(spacing(if level == 0 { 360 } else { 240 }, 80));
        s.paragraph_property = s.paragraph_property.keep_next(true).keep_lines(true);
        s
    };
    let list = |id: &str, name: &str, num: usize| {
        let mut s = Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .q_format(true)
            .line_spacing(spacing(0, 60));
        s.paragraph_property = s
            .paragraph_property
            .numbering(NumberingId::new(num), IndentLevel::new(0));
        s
    };
    docx.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .ui_priority(10)
            .size(52)
            .color("1F3864")
            .line_spacing(spacing(0, 120)),
    )
    .add_style(
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .ui_priority(11)
            .size(26)
            .color("595959")
            .line_spacing(spacing(0, 240)),
    )
    .add_style(heading("Heading1", "heading 1", 32, 0))
    .add_style(heading("Heading2", "heading 2", 26, 1))
    .add_style(heading("Heading3", "heading 3", 24, 2))
    .add_style(heading("Heading4", "heading 4", 22, 3))
    .add_style(list("ListBullet", "List Bullet", BULLET_NUM))
    .add_style(
        // Numbered lists set their own numbering on each paragraph (each restarts).
        Style::new("ListNumber", StyleType::Paragraph)
            .name("List Number")
            .based_on("Normal")
            .q_format(true)
            .line_spacing(spacing(0, 60)),
    )
    .add_style(
        Style::new("ListContinue", StyleType::Paragraph)
            .name("List Continue")
            .based_on("Normal")
            .indent(Some(720), None, None, None),
    )
    .add_style(
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .italic()
            .color("404040")
            .indent(Some(720), None, Some(720), None),
    )
    .add_style(
        Style::new("FootnoteText", StyleType::Paragraph)
            .name("footnote text")
            .based_on("Normal")
            .size(18)
            .line_spacing(spacing(0, 40)),
    )
    .add_style({
        let mut s =
            Style::new("FootnoteReference", StyleType::Character).name("footnote reference");
        s.run_property = s.run_property.vert_align(VertAlignType::SuperScript);
        s
    })
    .add_style(
        Style::new("Hyperlink", StyleType::Character)
            .name("Hyperlink")
            .color("0563C1")
            .underline("single"),
    )
}

pub(super) fn numbering(docx: Docx, numbered_lists: &[(usize, usize)]) -> Docx {
    let mut bullets = AbstractNumbering::new(BULLET_ABSTRACT);
    let mut numbers = AbstractNumbering::new(NUMBER_ABSTRACT);
    for level in 0..9usize {
        let indent = 720 + 360 * level as i32;
        let symbol = ["\u{2022}", "\u{25E6}", "\u{25AA}"][level % 3];
        bullets = bullets.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new(symbol),
                LevelJc::new("left"),
            )
            .indent(
                Some(indent),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
        numbers = numbers.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(["decimal", "lowerLetter", "lowerRoman"][level % 3]),
                LevelText::new(format!("%{}.", level + 1)),
                LevelJc::new("left"),
            )
            .indent(
                Some(indent),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
    }
    let mut docx = docx
        .add_abstract_numbering(bullets)
        .add_abstract_numbering(numbers)
        .add_numbering(Numbering::new(BULLET_NUM, BULLET_ABSTRACT));
    for &(num, start) in numbered_lists {
        docx = docx.add_numbering(
            Numbering::new(num, NUMBER_ABSTRACT).add_override(LevelOverride::new(0).start(start)),
        );
    }
    docx
}

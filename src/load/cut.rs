//! Where a large brief can be cut so two threads parse it at once: between two items of its
//! longest section, as near the middle of the text as that allows.
//!
//! The cut leaves three texts that are YAML on their own: the head (the brief, its longest list
//! stopping early), the middle (the rest of that list) and the tail (the top-level entries after
//! it). It is found from the lines alone, which cannot see everything YAML allows (a quoted
//! text running over lines, an alias to an anchor across the cut). That is safe because a wrong
//! cut leaves a text that does not parse, or one whose parse is refused, and the file is then
//! read whole; the tests hold tricky files to that.
//!
//! The cut earns its keep only while reading on one thread would leave the first full frame of
//! the 35 MB brief (`cargo run --release --example synth`) more than 1.3 times jless's on the
//! same file. Measured in a pseudo-terminal at 120x40, from spawn until the list panes show
//! their items (jless 0.9: until it draws the file's first lines), brief and jless interleaved
//! on this 2-core machine while other work ran on it, medians of 34 runs each in three sets:
//! cut, 1.81 s before the loader's context was passed explicitly and 1.87 s after; on one
//! thread (the cut turned off in a build for the measurement), 2.46 s; jless, 1.76 s. One
//! thread is 1.40 times jless (1.40 too at the median of the runs' ratios, 1.45 in 16 earlier
//! runs), so the cut stays. The 28 KB sample, which is cut too, opens in 7.4 to 7.7 ms, and in
//! 7.9 to 8.5 ms on one thread (jless: 6.0 to 7.1 ms; two sets of 40 runs).

use crate::model::Section;

/// A cut of a brief's text: `[..middle]`, `[middle..tail]` and `[tail..]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cut {
    /// The section whose list is cut.
    pub section: Section,
    /// Where the middle starts: the first line of an item.
    pub middle: usize,
    /// The line the middle starts on (1-based).
    pub middle_line: u32,
    /// Where the tail starts: the next top-level line after the section, or the end.
    pub tail: usize,
    /// The line the tail starts on (1-based).
    pub tail_line: u32,
}

/// A section's list as the lines show it.
struct List {
    section: Section,
    /// The first line after the section's key, and where the list ends.
    start: usize,
    end: usize,
    end_line: u32,
    /// The indentation of its `- ` item lines.
    indent: Option<usize>,
}

/// Finds a cut in the longest section, as near the text's middle as it can, if the text is one brief whose longest
/// section is a block list holding at least a quarter of the text, and holds nothing that may
/// be an anchor or an alias (the limits on those are counted per parse).
pub(crate) fn find(text: &str) -> Option<Cut> {
    if may_hold_anchors(text) {
        return None;
    }
    let mut lists: Vec<List> = Vec::new();
    let mut open: Option<List> = None;
    let mut seen_content = false;
    let mut offset = 0;
    let mut number = 0u32;
    for line in text.split_inclusive('\n') {
        number += 1;
        let here = offset;
        offset += line.len();
        let bare = line.strip_suffix('\n').unwrap_or(line);
        let bare = bare.strip_suffix('\r').unwrap_or(bare);
        if bare.contains('\r') {
            // YAML breaks lines at a lone carriage return too; these lines would miscount.
            return None;
        }
        if bare.starts_with("---") || bare.starts_with("...") || bare.starts_with('%') {
            // A second document, or a directive: read the file whole.
            if seen_content {
                return None;
            }
            continue;
        }
        if bare.trim_start().is_empty() || bare.trim_start().starts_with('#') {
            continue;
        }
        seen_content = true;
        let top_level = !bare.starts_with(' ') && !is_item(bare);
        if let Some(list) = open.as_mut() {
            if !top_level {
                let indent = bare.len() - bare.trim_start_matches(' ').len();
                let item = is_item(&bare[indent..]);
                match list.indent {
                    None if item => list.indent = Some(indent),
                    // The list's first entry must be an item line, and nothing in the list may
                    // stand left of its items.
                    None => return None,
                    Some(items) if indent < items => return None,
                    Some(_) => {}
                }
                continue;
            }
            let mut list = open.take()?;
            list.end = here;
            list.end_line = number;
            lists.push(list);
        }
        if let Some(section) = section_key(bare) {
            open = Some(List { section, start: offset, end: text.len(), end_line: number + 1, indent: None });
        }
    }
    if let Some(mut list) = open {
        list.end_line = number + 1;
        lists.push(list);
    }
    let longest = lists.into_iter().filter(|l| l.indent.is_some()).max_by_key(|l| l.end - l.start)?;
    if (longest.end - longest.start) * 4 < text.len() {
        return None;
    }
    let indent = longest.indent?;
    // From the first line that starts past the text's middle, so the two threads get about
    // the same bytes to read, but inside the list and after its first line.
    let bytes = text.as_bytes();
    let halfway = (text.len() / 2).max(longest.start + 1).min(longest.end);
    let from = halfway + memchr::memchr(b'\n', &bytes[halfway - 1..])?;
    let mut offset = from;
    let first_line = memchr::memchr_iter(b'\n', &bytes[..from]).count() + 1;
    for (index, line) in text[from..longest.end].split_inclusive('\n').enumerate() {
        let here = offset;
        offset += line.len();
        // Spaces first: only then is `indent` sure to fall between characters.
        let indented = line.len() > indent && line.as_bytes()[..indent].iter().all(|&b| b == b' ');
        if indented && is_item(line[indent..].trim_end_matches(['\n', '\r'])) {
            return Some(Cut {
                section: longest.section,
                middle: here,
                middle_line: (first_line + index) as u32,
                tail: longest.end,
                tail_line: longest.end_line,
            });
        }
    }
    None
}

/// Whether the text may hold an anchor (`&a`) or an alias (`*a`): either starts a node, so
/// follows a space, an indicator or a line's start. Text such as `R&D` does not count.
fn may_hold_anchors(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'&', b'*', bytes).any(|at| {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + 1);
        before.is_none_or(|b| !b.is_ascii_alphanumeric() && b < 0x80) && after.is_some_and(|b| !b.is_ascii_whitespace())
    })
}

/// A list item's first line: `- …` or a lone `-`.
fn is_item(line: &str) -> bool {
    line == "-" || line.starts_with("- ")
}

/// The section a top-level line opens, when it is a section's key alone on its line.
fn section_key(line: &str) -> Option<Section> {
    let (key, rest) = line.split_once(':')?;
    let rest = rest.trim_start();
    if !(rest.is_empty() || rest.starts_with('#')) {
        return None;
    }
    Section::from_key(key.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BRIEF: &str = "brief: 1\nid: b\nactors:\n  - id: a\n    name: A\nquotes:\n  - id: q1\n    text: x\n  - id: q2\n    text: y\n  - id: q3\n    text: z\n  - id: q4\n    text: w\nevents: []\n";

    #[test]
    fn cuts_the_longest_list_between_items_past_the_texts_middle() {
        let cut = find(BRIEF).expect("a cut");
        assert_eq!(cut.section, Section::Quotes);
        // The middle of the text falls inside q2.
        assert!(BRIEF[cut.middle..].starts_with("  - id: q3"), "{:?}", &BRIEF[cut.middle..]);
        assert_eq!(cut.middle_line, 11);
        assert!(BRIEF[cut.tail..].starts_with("events: []"));
        assert_eq!(cut.tail_line, 15);
    }

    #[test]
    fn a_list_past_the_middle_is_cut_after_its_first_item() {
        let text = format!("brief: 1\ntitle: {}\nquotes:\n  - id: q1\n  - id: q2\n  - id: q3\n", "t".repeat(70));
        let cut = find(&text).expect("a cut");
        assert!(text[cut.middle..].starts_with("  - id: q2"), "{:?}", &text[cut.middle..]);
        assert_eq!(find("brief: 1\nquotes:\n-"), None, "one item: nothing to cut");
    }

    #[test]
    fn a_list_at_the_end_runs_to_the_end() {
        let text = "brief: 1\nquotes:\n- id: q1\n- id: q2\n- id: q3\n";
        let cut = find(text).expect("a cut");
        assert!(text[cut.middle..].starts_with("- id: q2"));
        assert_eq!(cut.tail, text.len());
    }

    #[test]
    fn lines_that_start_with_wide_characters_are_measured_in_bytes() {
        // Found by the fuzzer: one space, then a character of three bytes, past the middle.
        let text = "brief: 1\nquotes:\n  - id: q1\n  - id: q2\n ‘x’\n  - id: q3\n";
        assert_eq!(find(text), None, "a line left of the items");
        let text = text.replace(" ‘x’", "    text: ‘x’");
        assert!(text.len() / 2 < text.find("‘x’").expect("the text"), "the wide line is past the middle");
        assert!(text[find(&text).expect("a cut").middle..].starts_with("  - id: q3"));
    }

    #[test]
    fn no_cut_where_a_line_break_or_an_anchor_could_be_miscounted() {
        let list = "brief: 1\nquotes:\n  - id: q1\n  - id: q2\n  - id: q3\n  - id: q4\n";
        assert!(find(list).is_some());
        assert_eq!(find(&list.replace("q1\n", "q1\rx: 1\n")), None, "a lone carriage return");
        assert!(find(&list.replace('\n', "\r\n")).is_some(), "Windows line ends are fine");
        assert_eq!(find(&list.replace("q1", "&a q1")), None, "an anchor");
        assert_eq!(find(&list.replace("q2", "*a")), None, "an alias");
        assert!(find(&list.replace("q1", "R&D q1")).is_some(), "an ampersand inside a word");
        // `-x:` at the left margin is a key, not an item: the list ends there.
        let keyed = list.replace("  - id: q3\n", "-x:\n");
        assert!(keyed[find(&keyed).expect("a cut").tail..].starts_with("-x:"));
        // An item at the left margin under a list indented further is not the list's.
        assert_eq!(find(&list.replace("  - id: q3\n", "- id: q3\n")), None);
        // A line left of the list's items is not the list's.
        assert_eq!(find(&list.replace("  - id: q3\n", " - id: q3\n")), None);
    }

    #[test]
    fn no_cut_where_the_lines_say_something_unusual() {
        assert_eq!(find("brief: 1\nquotes:\n  - id: q1\n---\nbrief: 1\n"), None, "two documents");
        assert_eq!(find("brief: 1\nquotes: [a, b, c, d, e, f, g, h, i, j, k, l, m]\n"), None, "a flow list");
        assert_eq!(find("brief: 1\nquotes:\n  id: q1\n  text: x\n"), None, "a mapping, not a list");
        assert_eq!(find("brief: 1\ntitle: a long title that is most of the text\nquotes:\n  - id: q\n"), None);
    }
}

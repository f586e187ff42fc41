//! `[keys]`: an action's keys by its name (`quit = ["x"]`), in every context the action has keys
//! in but those where typed characters are text; `[keys.CONTEXT]` for one context only, over
//! `[keys]`. A list replaces all the action's keys there. A key another action holds in the same
//! context is an error naming both, unless the file gives that action other keys too: a key that
//! silently stopped doing what it did would be worse.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::ConfigError;
use super::document::{Document, Key, Value, in_order};
use crate::tui::Action;
use crate::tui::keymap::{self, BINDINGS, Context, Keymap};

/// An action's keys as the file gives them, with where each key is written.
struct Override<'a> {
    action: &'static Action,
    /// `None` for `[keys]`: every context the action has keys in but the typing ones.
    context: Option<Context>,
    keys: Vec<(String, Range<usize>)>,
    name: &'a Key<'a>,
}

/// Every action a key can be bound to, once, in table order.
pub fn actions() -> impl Iterator<Item = &'static Action> {
    BINDINGS
        .iter()
        .enumerate()
        .filter(|(n, b)| b.action.name().is_some() && BINDINGS[..*n].iter().all(|e| e.action != b.action))
        .map(|(_, b)| &b.action)
}

fn action_named(name: &str) -> Option<&'static Action> {
    actions().find(|a| a.name() == Some(name))
}

/// The contexts an action has keys in by default.
fn default_contexts(action: &Action) -> Vec<Context> {
    Context::ALL
        .into_iter()
        .filter(|&c| BINDINGS.iter().any(|b| b.action == *action && b.contexts.contains(&c)))
        .collect()
}

/// `[keys]` and its `[keys.CONTEXT]` tables into the keymap; every mistake into `errors`.
pub fn read(doc: &Document, table: &DeTable, keymap: &mut Keymap, errors: &mut Vec<ConfigError>) {
    let mut checked = Vec::new();
    for (key, value) in in_order(table) {
        match value.get_ref() {
            DeValue::Table(inner) => {
                let Some(context) = Context::ALL.into_iter().find(|c| c.name() == key.get_ref().as_ref()) else {
                    checked.push(Err(doc.unknown(key, "context", Context::ALL.map(Context::name))));
                    continue;
                };
                checked.extend(in_order(inner).into_iter().map(|(key, value)| one(doc, key, value, Some(context))));
            }
            _ => checked.push(one(doc, key, value, None)),
        }
    }
    let mut overrides = Vec::new();
    for override_or_mistake in checked {
        match override_or_mistake {
            Ok(o) => overrides.push(o),
            Err(error) => errors.push(error),
        }
    }
    // `[keys]` first, so `[keys.CONTEXT]` has the last word in its context.
    overrides.sort_by_key(|o| o.context.is_some());
    let mut set: Vec<(Context, &Override)> = Vec::new();
    for o in &overrides {
        let keys: Vec<String> = o.keys.iter().map(|(k, _)| k.clone()).collect();
        let contexts = match contexts(doc, o) {
            Ok(contexts) => contexts,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        for context in contexts {
            keymap.rebind(context, o.action, keys.clone());
            set.retain(|(c, s)| !(*c == context && s.action == o.action));
            set.push((context, o));
        }
    }
    clashes(doc, keymap, &set, errors);
}

/// One `name = [keys]`, checked.
fn one<'a>(
    doc: &Document,
    key: &'a Key<'a>,
    value: &Value,
    context: Option<Context>,
) -> Result<Override<'a>, ConfigError> {
    let name = key.get_ref().as_ref();
    let Some(action) = action_named(name) else {
        let names: Vec<&str> = actions().filter_map(Action::name).collect();
        return Err(doc.unknown(key, "action", names));
    };
    let example = format!("{name} = [\"x\"]");
    let Some(list) = value.get_ref().as_array() else {
        return Err(doc.wrong(key, value, "a list of keys", &example));
    };
    if list.is_empty() {
        return Err(doc.error(value.span(), format!("`{name}` is given no key"), format!("give it one: {example}")));
    }
    let mut keys = Vec::new();
    for item in list {
        let Some(text) = item.get_ref().as_str() else {
            return Err(doc.wrong(key, item, "a list of keys, each a string", &example));
        };
        if keymap::parse_key(text).is_none() {
            return Err(doc.error(item.span(), format!("unknown key `{text}` for `{name}`"), key_fix(text)));
        }
        if let Some(context) = context.filter(|c| c.takes_text()) {
            let plain = keymap::parse_key(text)
                .is_some_and(|(code, mods)| matches!(code, crossterm::event::KeyCode::Char(_)) && mods.is_empty());
            if plain {
                return Err(doc.error(
                    item.span(),
                    format!("`{text}` would stop being typed in {}", context.name()),
                    "while typing, give a key with ctrl- or alt-, or one like down or enter",
                ));
            }
        }
        keys.push((text.to_string(), item.span()));
    }
    Ok(Override { action, context, keys, name: key })
}

/// The contexts an override changes: where the action has keys, as asked.
fn contexts(doc: &Document, o: &Override) -> Result<Vec<Context>, ConfigError> {
    let name = o.name.get_ref();
    let has = default_contexts(o.action);
    let listed = || has.iter().map(|c| c.name()).collect::<Vec<_>>().join(", ");
    match o.context {
        Some(context) if has.contains(&context) => Ok(vec![context]),
        Some(context) => Err(doc.error(
            o.name.span(),
            format!("`{name}` has no keys in {}", context.name()),
            format!("it has keys in: {}; set it under [keys] or [keys.CONTEXT] for one of those", listed()),
        )),
        None => {
            let moving: Vec<Context> = has.iter().copied().filter(|c| !c.takes_text()).collect();
            if moving.is_empty() {
                return Err(doc.error(
                    o.name.span(),
                    format!("`{name}` has keys only while typing ({})", listed()),
                    format!("set it in a [keys.CONTEXT] table: [keys.{}]", has.first().map_or("search", |c| c.name())),
                ));
            }
            Ok(moving)
        }
    }
}

/// Every key two actions share in a context where the file set either: each place in the
/// file once, though the key may clash in several contexts.
fn clashes(doc: &Document, keymap: &Keymap, set: &[(Context, &Override)], errors: &mut Vec<ConfigError>) {
    let mut told: Vec<Range<usize>> = Vec::new();
    let mut tell = |span: Range<usize>, message: String, fix: String| {
        if !told.contains(&span) {
            errors.push(doc.error(span.clone(), message, fix));
            told.push(span);
        }
    };
    let by_file = |context: Context, action: &Action| set.iter().find(|(c, o)| *c == context && o.action == action);
    for context in Context::ALL {
        let entries: Vec<_> = keymap.entries(context).collect();
        for (n, a) in entries.iter().enumerate() {
            for b in &entries[n + 1..] {
                let Some(key) = a.keys.iter().find(|k| b.keys.iter().any(|j| keymap::same_key(k, j))) else { continue };
                let (first, second) = (&a.binding.action, &b.binding.action);
                let (mine, other) = match (by_file(context, first), by_file(context, second)) {
                    (Some(x), Some(y)) => {
                        let later = if x.1.name.span().start > y.1.name.span().start { x.1 } else { y.1 };
                        tell(
                            span_of(later, key),
                            format!(
                                "`{key}` is given to both {} and {} in {}",
                                describe(first),
                                describe(second),
                                context.name()
                            ),
                            "give one of them another key".into(),
                        );
                        continue;
                    }
                    (Some(x), None) => (x.1, second),
                    (None, Some(y)) => (y.1, first),
                    (None, None) => continue,
                };
                let other_name = describe(other);
                let fix = match other.name() {
                    Some(name) => format!(
                        "give `{name}` other keys there too ([keys.{}] {name} = [\"…\"]), or choose another key for `{}`",
                        context.name(),
                        mine.name.get_ref()
                    ),
                    None => format!("choose another key for `{}`", mine.name.get_ref()),
                };
                tell(
                    span_of(mine, key),
                    format!(
                        "`{key}` for `{}` is already {other_name}'s key in {}",
                        mine.name.get_ref(),
                        context.name()
                    ),
                    fix,
                );
            }
        }
    }
}

/// Where the file writes a key of an override.
fn span_of(o: &Override, key: &str) -> Range<usize> {
    o.keys.iter().find(|(k, _)| keymap::same_key(k, key)).map_or_else(|| o.name.span(), |(_, span)| span.clone())
}

/// An action as messages name it: its config name, or what it is.
fn describe(action: &Action) -> String {
    match (action.name(), action) {
        (Some(name), _) => format!("`{name}`"),
        (None, Action::Digit(n)) => format!("reference {n}"),
        (None, other) => format!("{other:?}"),
    }
}

/// The named keys `parse_key` knows, and names other programs use for them.
const NAMED: [&str; 13] =
    ["down", "up", "left", "right", "home", "end", "pgdn", "pgup", "enter", "esc", "tab", "backspace", "space"];
const ALIASES: [(&str, &str); 6] = [
    ("pagedown", "pgdn"),
    ("pageup", "pgup"),
    ("escape", "esc"),
    ("return", "enter"),
    ("bs", "backspace"),
    ("backtab", "shift-tab"),
];

fn key_fix(text: &str) -> String {
    let lower = text.to_lowercase();
    let alias = ALIASES
        .iter()
        .find(|(alias, _)| lower.ends_with(alias))
        .map(|(alias, name)| format!("{}{name}", &lower[..lower.len() - alias.len()]));
    // Shift is in the character: `shift-x` is `X`.
    let shifted = lower.strip_prefix("shift-").filter(|rest| rest.chars().count() == 1).map(str::to_uppercase);
    let near = alias.or(shifted).filter(|k| keymap::parse_key(k).is_some()).or_else(|| {
        // `Ctrl-D`: the modifier is written lower case.
        let lowered = match text.split_once('-') {
            Some((modifier, rest)) if !rest.is_empty() => format!("{}-{rest}", modifier.to_lowercase()),
            _ => lower.clone(),
        };
        if keymap::parse_key(&lowered).is_some() && lowered != text {
            return Some(lowered);
        }
        let (prefix, rest) = match lower.split_once('-') {
            Some((p @ ("ctrl" | "alt"), rest)) => (format!("{p}-"), rest.to_string()),
            _ => (String::new(), lower.clone()),
        };
        crate::load::nearest(&rest, NAMED).map(|name| format!("{prefix}{name}"))
    });
    let near = near.map_or_else(String::new, |k| format!("did you mean `{k}`? "));
    format!("{near}a key is a character (q, G, ?), ctrl-x, alt-x, shift-tab, or one of {}", NAMED.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_a_key_can_have_has_its_own_name() {
        let names: Vec<&str> = actions().filter_map(Action::name).collect();
        for (n, name) in names.iter().enumerate() {
            assert!(!names[..n].contains(name), "{name} names two actions");
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{name} is not snake_case");
        }
        assert!(names.contains(&"quit") && names.contains(&"focus_claims"));
    }

    #[test]
    fn a_mistyped_key_gets_the_key_meant() {
        assert!(key_fix("pagedown").starts_with("did you mean `pgdn`?"));
        assert!(key_fix("Ctrl-D").starts_with("did you mean `ctrl-D`?"), "{}", key_fix("Ctrl-D"));
        assert!(key_fix("entr").starts_with("did you mean `enter`?"));
        assert!(key_fix("ctrl-escape").starts_with("did you mean `ctrl-esc`?"));
        assert!(key_fix("shift-x").starts_with("did you mean `X`?"));
    }
}

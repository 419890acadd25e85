//! Python value semantics over JSON, as score.py applies them to a system's graph:
//! truthiness, `str()`, `repr()`, iteration, `a or b or c`, and its `attr()` lookup.
//!
//! score.py reads the system's output with `json.loads` and never checks its shape, so
//! a node id may be a number, a label a list, and so on. These helpers reproduce what
//! Python does with such values; where Python would raise, they return the exception's
//! message, which the scorer reports as the document's error.

use serde_json::{Map, Number, Value};

/// Python's `None`: what `dict.get` returns for a missing key.
pub static NONE: Value = Value::Null;

/// Python's `bool(v)`.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Python's name for the type of `v`, as exception messages print it.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// `obj.get(key)`: the value, or `None`.
pub fn get<'a>(obj: &'a Map<String, Value>, key: &str) -> &'a Value {
    obj.get(key).unwrap_or(&NONE)
}

/// `a or b or c`: the first truthy value, else the last one.
pub fn or<'a>(values: &[&'a Value]) -> &'a Value {
    values.iter().copied().find(|v| truthy(v)).or_else(|| values.last().copied()).unwrap_or(&NONE)
}

/// `v.get`: the mapping itself, or Python's AttributeError for anything else.
pub fn as_dict(v: &Value) -> Result<&Map<String, Value>, String> {
    match v {
        Value::Object(m) => Ok(m),
        other => Err(format!("'{}' object has no attribute 'get'", type_name(other))),
    }
}

/// `for x in v`: list items, dict keys or string characters.
pub fn iterate(v: &Value) -> Result<Vec<Value>, String> {
    match v {
        Value::Array(a) => Ok(a.clone()),
        Value::Object(o) => Ok(o.keys().map(|k| Value::String(k.clone())).collect()),
        Value::String(s) => Ok(s.chars().map(|c| Value::String(c.to_string())).collect()),
        other => Err(format!("'{}' object is not iterable", type_name(other))),
    }
}

/// score.py's `attr(obj, *names)`: the first of `names` set (not None, not "") on the
/// node itself, then in its `attributes`, `attrs` or `properties`.
pub fn attr(obj: &Map<String, Value>, names: &[&str]) -> Result<Option<Value>, String> {
    if let Some(v) = find_in_map(obj, names) {
        return Ok(Some(v));
    }
    for holder in ["attributes", "attrs", "properties"] {
        let holder = get(obj, holder);
        if !truthy(holder) {
            continue; // `obj.get(h) or {}`
        }
        let found = match holder {
            Value::Object(m) => find_in_map(m, names),
            other => find_in_other(other, names)?,
        };
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}

fn find_in_map(m: &Map<String, Value>, names: &[&str]) -> Option<Value> {
    names.iter().find_map(|n| match m.get(*n) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(v) => Some(v.clone()),
    })
}

/// `name in holder and holder[name]` for a holder that is not a dict: Python raises
/// as soon as a membership test succeeds (or cannot be made).
fn find_in_other(holder: &Value, names: &[&str]) -> Result<Option<Value>, String> {
    for n in names {
        match holder {
            Value::Array(items) => {
                if items.iter().any(|i| i.as_str() == Some(n)) {
                    return Err("list indices must be integers or slices, not str".into());
                }
            }
            Value::String(s) => {
                if s.contains(n) {
                    return Err("string indices must be integers, not 'str'".into());
                }
            }
            other => return Err(format!("argument of type '{}' is not iterable", type_name(other))),
        }
    }
    Ok(None)
}

/// Python's `str(v)`.
pub fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python's `repr(v)`.
pub fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => number_repr(n),
        Value::String(s) => repr_str(s),
        Value::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => {
            let items: Vec<String> = o.iter().map(|(k, v)| format!("{}: {}", repr_str(k), py_repr(v))).collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

fn number_repr(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    n.as_f64().map_or_else(|| n.to_string(), float_repr)
}

/// Python's `repr(float)`: the shortest round-tripping digits, in positional notation
/// for exponents -4 to 15 and in `1e+16` style otherwise.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sci = format!("{f:e}"); // e.g. "-1.2345e-7": shortest digits
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    if (-4..16).contains(&exp) {
        let point = exp + 1; // digits before the decimal point
        let (int, frac) = if point <= 0 {
            let zeros = "0".repeat(point.unsigned_abs() as usize);
            ("0".to_string(), format!("{zeros}{digits}"))
        } else {
            let point = point as usize;
            let padded = format!("{digits:0<point$}");
            (padded[..point].to_string(), padded[point..].to_string())
        };
        let frac = if frac.is_empty() { "0".to_string() } else { frac };
        format!("{sign}{int}.{frac}")
    } else {
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mantissa}e{esign}{:02}", exp.unsigned_abs())
    }
}

/// Python's `repr(str)`: single quotes unless the text holds `'` and no `"`.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa1).contains(&(c as u32)) || c == '\u{ad}' => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_control() || c.is_whitespace() && c != ' ' => {
                let n = c as u32;
                if n <= 0xffff {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The first line of `s`, split as Python's `str.splitlines()` splits.
pub fn first_line(s: &str) -> &str {
    let end = s
        .find(['\n', '\r', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\u{85}', '\u{2028}', '\u{2029}'])
        .unwrap_or(s.len());
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn str_and_repr_follow_python() {
        assert_eq!(py_str(&json!(null)), "None");
        assert_eq!(py_str(&json!(5)), "5");
        assert_eq!(py_str(&json!(5.0)), "5.0");
        assert_eq!(py_str(&json!(1e16)), "1e+16");
        assert_eq!(py_str(&json!(1.5e-7)), "1.5e-07");
        assert_eq!(py_str(&json!(0.0001)), "0.0001");
        assert_eq!(py_str(&json!(123.25)), "123.25");
        assert_eq!(py_str(&json!(["a", 1, true])), "['a', 1, True]");
        assert_eq!(py_str(&json!({"k": "it's"})), "{'k': \"it's\"}");
    }

    #[test]
    fn truthiness_and_or() {
        let (zero, empty, name) = (json!(0), json!(""), json!("x"));
        assert_eq!(or(&[&zero, &name]), &name);
        assert_eq!(or(&[&zero, &empty]), &empty);
        assert!(!truthy(&json!([])));
        assert!(truthy(&json!([0])));
    }

    #[test]
    fn attr_looks_in_holders_in_order() {
        let node = json!({"iso": "", "attributes": {"iso": "UA"}, "attrs": {"iso": "RU"}});
        let node = node.as_object().expect("object");
        assert_eq!(attr(node, &["iso"]), Ok(Some(json!("UA"))));
        let odd = json!({"attributes": ["iso"]});
        let odd = odd.as_object().expect("object");
        assert!(attr(odd, &["iso"]).is_err());
        assert_eq!(attr(odd, &["code"]), Ok(None));
    }
}

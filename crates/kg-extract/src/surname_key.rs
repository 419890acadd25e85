//! Matching a bare word ("Zelenskiy", "Erdogan") to the persons it may name: by the
//! folded surname, by a transliteration key, or within one typo for long names; among
//! the persons of the document or the known office holders.

use crate::analysis::{Analysis, SurnameKeys};
use crate::text::fold;

/// A bare word, folded and transliterated once.
pub struct WordKey {
    fold: String,
    translit: String,
}

impl WordKey {
    pub fn new(word: &str) -> Option<WordKey> {
        let fold = fold_word(word);
        (fold.len() >= 2).then(|| WordKey { translit: crate::text::translit_key_of_folded(&fold), fold })
    }

    pub fn folded(&self) -> &str {
        &self.fold
    }

    pub fn translit(&self) -> &str {
        &self.translit
    }

    /// Whether the word is a typo of the transliteration key `t`: long names only.
    pub fn near(&self, t: &str) -> bool {
        self.translit.len() >= 7
            && self.translit.len().abs_diff(t.len()) <= 1
            && self.translit.chars().next() == t.chars().next()
            && within_one_edit(&self.translit, t)
    }

    fn matches(&self, keys: &[(String, String)]) -> bool {
        keys.iter().any(|(f, t)| *f == self.fold || *t == self.translit || self.near(t))
    }
}

/// `strsim::damerau_levenshtein(x, y) <= 1` without its tables: every surname is
/// compared with every person, and transliteration keys are ASCII.
fn within_one_edit(x: &str, y: &str) -> bool {
    if !x.is_ascii() || !y.is_ascii() {
        return strsim::damerau_levenshtein(x, y) <= 1;
    }
    let (x, y) = (x.as_bytes(), y.as_bytes());
    let (long, short) = if x.len() >= y.len() { (x, y) } else { (y, x) };
    let Some(p) = short.iter().zip(long).position(|(a, b)| a != b) else {
        // One is a prefix of the other.
        return long.len() - short.len() <= 1;
    };
    match long.len() - short.len() {
        0 => {
            long[p + 1..] == short[p + 1..]
                || (p + 1 < long.len()
                    && long[p] == short[p + 1]
                    && long[p + 1] == short[p]
                    && long[p + 2..] == short[p + 2..])
        }
        1 => long[p + 1..] == short[p..],
        _ => false,
    }
}

/// `fold(word)`: for ASCII, which most names are, only the case changes.
fn fold_word(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        fold(word)
    }
}

/// Common Chinese family names, which come first: "He Lifeng" is "He", "Wang Yi" is
/// "Wang". None is an English given name.
static CHINESE_SURNAMES: crate::text::WordSet = crate::text::WordSet::new(&[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo",
    "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng", "Zeng",
    "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren",
    "Shen", "Yao", "Xi", "Qin", "Fu", "Zhong", "Cui", "Fan", "Jin", "Shi", "Liao", "Jia", "Xia", "Fang", "Bai", "Zou",
    "Meng", "Xiong", "Qiu", "Hou", "Qiao", "Kong", "Mao", "Wen", "Duan", "Lei", "Hao", "Kang", "Shao", "Gu", "Qian",
]);

/// The words of a full name a bare word may call its person by: the last word, the
/// name after a joined particle ("Hayya" of "al-Hayya"), and the family name that
/// opens a Chinese name of two words ("He" of "He Lifeng").
fn surname_words(label: &str) -> impl Iterator<Item = &str> {
    // Found with memchr, not with `split`: keys are computed again whenever a person
    // gains an alias, and the searchers of `str` cost more than the rest of this.
    let bytes = label.as_bytes();
    let first_space = memchr::memchr(b' ', bytes);
    let last_space = memchr::memrchr(b' ', bytes);
    let last = last_space.map_or(label, |at| &label[at + 1..]);
    let joined = if crate::names::is_particle_name(last) {
        memchr::memchr(b'-', last.as_bytes()).map(|at| &last[at + 1..])
    } else {
        None
    };
    // Two words: exactly one space.
    let chinese = first_space
        .filter(|&at| Some(at) == last_space)
        .map(|at| &label[..at])
        .filter(|first| CHINESE_SURNAMES.contains(first));
    // Three words or more: the word before the last may be the surname, the last a
    // second surname or a suffix ("Gustavo Petro Urrego", "Moussa Faki Mahamat",
    // "Ferdinand Marcos Jr."); not a particle or an initial ("da Silva", "John F.").
    let second_last = last_space.filter(|&at| Some(at) != first_space).and_then(|at| {
        let before = &label[..at];
        let word = &before[memchr::memrchr(b' ', before.as_bytes()).map_or(0, |s| s + 1)..];
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        (capital && word.chars().count() >= 3 && !word.contains('.') && !crate::names::is_particle_name(word))
            .then_some(word)
    });
    std::iter::once(last).chain(joined).chain(chinese).chain(second_last)
}

/// The keys of a full name: its surname words and its one-word aliases, each once (the
/// surname recurs among the aliases). Keys are computed again whenever a person
/// gains an alias: those of `old` (the previous ones) are moved over, not computed.
fn keys_of<'s>(
    label: &'s str,
    aliases: impl Iterator<Item = &'s str>,
    old: &mut [(String, String)],
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for c in surname_words(label).chain(aliases.filter(|a| !a.contains(' '))) {
        // Folded keys are lower-case ASCII: an ASCII word has the key `g` when it
        // equals `g` but for case, which needs no folded copy of it.
        let folded = (!c.is_ascii()).then(|| fold(c));
        let same = |g: &str| folded.as_deref().map_or_else(|| c.eq_ignore_ascii_case(g), |f| f == g);
        if out.iter().any(|(g, _)| same(g)) {
            continue;
        }
        match old.iter_mut().find(|(g, _)| same(g)) {
            Some(known) => out.push(std::mem::take(known)),
            None => {
                let f = folded.unwrap_or_else(|| c.to_ascii_lowercase());
                let t = crate::text::translit_key_of_folded(&f);
                out.push((f, t));
            }
        }
    }
    out
}

/// The persons already in the document that a bare word, folded and transliterated,
/// may refer to.
pub fn persons_with_key(a: &Analysis, key: &WordKey) -> Vec<usize> {
    let mut cache = a.surname_keys.borrow_mut();
    a.persons.iter().copied().filter(|&i| person_matches(a, &mut cache, i, key)).collect()
}

/// Whether person `i` may be called `key`.
fn person_matches(a: &Analysis, cache: &mut Vec<Option<SurnameKeys>>, i: usize, key: &WordKey) -> bool {
    key.matches(fresh_keys(a, cache, i))
}

/// Calls `f` with each surname key (folded, transliteration) of person `i`.
pub fn each_surname_key(a: &Analysis, i: usize, mut f: impl FnMut(&str, &str)) {
    let mut cache = a.surname_keys.borrow_mut();
    for (fold, translit) in fresh_keys(a, &mut cache, i) {
        f(fold, translit);
    }
}

/// The surname keys of person `i`, computed again when its label or aliases changed
/// since they were last computed.
fn fresh_keys<'c>(a: &Analysis, cache: &'c mut Vec<Option<SurnameKeys>>, i: usize) -> &'c [(String, String)] {
    let e = &a.ents[i];
    if cache.len() <= i {
        // Room for every entity so far at once: persons are added one by one.
        cache.resize(a.ents.len().max(i + 1), None);
    }
    let slot = &mut cache[i];
    let fresh = slot.as_ref().is_some_and(|k| k.label_len == e.label.len() && k.alias_count == e.aliases.len());
    if !fresh {
        let known = e.known.map(|k| a.gaz.persons[k].aliases.as_slice()).unwrap_or_default();
        let mut old = slot.take().map(|k| k.keys).unwrap_or_default();
        let keys = keys_of(&e.label, known.iter().chain(e.aliases.iter()).map(String::as_str), &mut old);
        *slot = Some(SurnameKeys { label_len: e.label.len(), alias_count: e.aliases.len(), keys });
    }
    slot.as_ref().map_or(&[], |k| k.keys.as_slice())
}

/// The one office holder, in office at the document's date, with this surname.
pub fn known_by_surname(a: &Analysis, word: &str, title: Option<&str>) -> Option<usize> {
    // A word that folds to less than two letters matches no surname.
    WordKey::new(word).and_then(|key| known_by_key(a, &key, title))
}

/// [`known_by_surname`] for a word already folded and transliterated.
pub fn known_by_key(a: &Analysis, key: &WordKey, title: Option<&str>) -> Option<usize> {
    let date = a.doc.date;
    let mut hits: Vec<usize> = a
        .gaz
        .persons_by_surname(&key.translit)
        .iter()
        .map(|&i| (i, &a.gaz.persons[i]))
        .filter(|(_, p)| key.matches(&keys_of(&p.name, p.aliases.iter().map(String::as_str), &mut [])))
        .filter(|(_, p)| p.terms.iter().any(|&t| date.is_none_or(|d| a.gaz.terms[t].covers(d))))
        .map(|(i, _)| i)
        .collect();
    if hits.len() > 1 {
        if let Some(title) = title {
            let t = title.to_lowercase();
            hits.retain(|&i| {
                a.gaz.persons[i].terms.iter().any(|&k| {
                    let term = &a.gaz.terms[k];
                    date.is_none_or(|d| term.covers(d)) && t.contains(&term.title.to_lowercase())
                })
            });
        }
    }
    match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The one office holder in office on the publication date whose first name is `word`:
/// "Sir Keir", "Dame Sue", where British usage names a knight by the first name alone.
/// A scan of the table, for the rare honorific before a lone first name.
pub fn known_by_first_name(a: &Analysis, word: &str) -> Option<usize> {
    let date = a.doc.date;
    let mut hits = a.gaz.persons.iter().enumerate().filter(|(_, p)| {
        p.name.split_whitespace().next() == Some(word)
            && p.terms.iter().any(|&t| date.is_none_or(|d| a.gaz.terms[t].covers(d)))
    });
    match (hits.next(), hits.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a bare word refers to a person with this full name: the surname (or,
    /// for family-name-first names listed as aliases, the family name), allowing
    /// transliteration and one typo in long names.
    fn surname_matches(word: &str, label: &str, aliases: &[&str]) -> bool {
        let keys = keys_of(label, aliases.iter().copied(), &mut []);
        WordKey::new(word).is_some_and(|w| w.matches(&keys))
    }

    #[test]
    fn one_edit_agrees_with_damerau_levenshtein() {
        let words = [
            "zelenskyy",
            "zelensky",
            "zelenksyy",
            "zelenskiy",
            "zlenskyy",
            "zelenskyyy",
            "yzelensky",
            "",
            "a",
            "ab",
            "ba",
        ];
        for x in words {
            for y in words {
                assert_eq!(within_one_edit(x, y), strsim::damerau_levenshtein(x, y) <= 1, "{x} {y}");
            }
        }
    }

    #[test]
    fn keys_moved_from_earlier_ones_are_those_computed_afresh() {
        let names: [(&str, &[&str]); 4] = [
            ("Recep Tayyip Erdoğan", &["Erdogan", "Erdoğan", "ERDOGAN", "Tayyip Erdogan", "Recep"]),
            ("Volodymyr Zelenskyy", &["Zelensky", "Zelenskiy", "zelenskyy", "Zelenskyy"]),
            ("Wang Yi", &["Wang", "Wáng", "Yi"]),
            ("", &["", "O\u{2019}Brien", "O'Brien"]),
        ];
        for (label, aliases) in names {
            let fresh = keys_of(label, aliases.iter().copied(), &mut []);
            for known in 0..=aliases.len() {
                let mut old = keys_of(label, aliases[..known].iter().copied(), &mut []);
                assert_eq!(keys_of(label, aliases.iter().copied(), &mut old), fresh, "{label} {known}");
            }
            // Each key once, in the order of the words.
            let mut folds: Vec<&str> = fresh.iter().map(|(f, _)| f.as_str()).collect();
            folds.sort_unstable();
            folds.dedup();
            assert_eq!(folds.len(), fresh.len());
        }
    }

    #[test]
    fn surnames_match_full_names() {
        assert!(surname_matches("Zelenkyy", "Volodymyr Zelenskyy", &[]));
        assert!(surname_matches("Erdoğan", "Recep Tayyip Erdogan", &[]));
        assert!(surname_matches("Wang", "Wang Yi", &["Wang"]));
        assert!(!surname_matches("Putin", "Vladimir Medinsky", &[]));
        assert!(!surname_matches("Kim", "Kimberly Smith", &[]));
        // Two surnames, or a suffix: the word before the last is a surname too.
        assert!(surname_matches("Faki", "Moussa Faki Mahamat", &[]));
        assert!(surname_matches("Marcos", "Ferdinand Marcos Jr.", &[]));
        assert!(!surname_matches("da", "Luiz Inácio Lula da Silva", &[]));
        assert!(!surname_matches("Inácio", "Luiz Inácio Lula da Silva", &[]));
    }
}

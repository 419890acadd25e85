//! "Trump hosted Aliyev and Pashinyan for the signing ceremony": the host and the
//! guests hosted "for" a meeting all attend it.

use crate::analysis::Analysis;
use crate::clause::{objects_after, subjects_of};
use crate::modality::status_at;
use crate::model::{EntityKind, RelationKind};

/// For "hosted" at token `i`: whether it hosted guests "for" a meeting; if so, the
/// host and the guests attend it.
pub(super) fn hosted_for(a: &mut Analysis, i: usize, rule: &'static str) -> bool {
    let guests = objects_after(a, i);
    let (Some(&(_, first)), Some(&(_, last))) = (guests.first(), guests.last()) else { return false };
    // The guests are the verb's object: at most a title between.
    if a.tok_at(first.start) > i + 4 {
        return false;
    }
    let after = a.tok_at(last.end);
    if a.lower(after) != "for" {
        return false;
    }
    let Some(meeting) = (after + 1..after + 6)
        .find_map(|k| a.mention_at_tok(k).filter(|m| a.ents[m.ent].kind == EntityKind::Meeting))
        .map(|m| (m.ent, m.span))
    else {
        return false;
    };
    let hosts = subjects_of(a, i);
    let Some(&(_, host_span)) = hosts.first() else { return false };
    let status = status_at(a, i, Some(host_span));
    for (p, s) in hosts.into_iter().chain(guests) {
        a.add_rel(RelationKind::Attends, p, meeting.0, status, s.cover(meeting.1), rule);
    }
    true
}

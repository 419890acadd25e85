//! Query speed on a synthetic graph of 100,000 nodes: name resolution (exact, by
//! surname, and a typo that falls through to did-you-mean suggestions), `met` for one
//! person and for every pair, `neighbors` to depth 2, and `path` between two persons.
//!
//! `cargo bench --bench query`; the figures are in docs/queries.md. With
//! `KG_BENCH_GRAPH=PATH` set, the synthetic graph is also written there as kg's JSON,
//! to time the command line end to end (`kg query PATH met Zelenskyy`).

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use kg_export::GraphMeta;
use kg_extract::{Entity, EntityKind, Evidence, Relation, RelationKind, Status};
use kg_graph::query::{self, DateRange, Options};
use kg_graph::Graph;

const COUNTRIES: usize = 200;
const LOCATIONS: usize = 2_000;
const ORGANIZATIONS: usize = 1_000;
const PERSONS: usize = 60_000;
const MEETINGS: usize = 20_000;
const DELEGATIONS: usize = 16_800;

/// A deterministic pseudo-random sequence (a 64-bit LCG), so every run builds the
/// same graph.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ren", "sto", "vul", "dan", "ir", "op", "zel", "ra", "tin", "bor", "ge", "na", "vik", "sha",
    "mar", "te", "los", "an", "dri", "ku", "pe",
];

fn word(rng: &mut Lcg, syllables: usize, ending: &str) -> String {
    let mut w: String = (0..syllables).map(|_| SYLLABLES[rng.below(SYLLABLES.len())]).collect();
    w.push_str(ending);
    let mut chars = w.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn entity(id: String, kind: EntityKind, label: String, attributes: &[(&str, String)]) -> Entity {
    Entity {
        id,
        kind,
        label,
        aliases: Default::default(),
        attributes: attributes.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
    }
}

fn relation(source: &str, kind: RelationKind, target: &str, n: usize) -> Relation {
    Relation {
        kind,
        source: source.to_string(),
        target: target.to_string(),
        status: Status::Occurred,
        attributes: BTreeMap::new(),
        evidence: Evidence {
            doc: format!("doc{}", n % 5_000),
            sentence: n % 40,
            start: 0,
            end: 10,
            rule: "synthetic".into(),
            text: "A synthetic sentence.".into(),
            date: None,
        },
    }
}

/// 100,000 nodes: countries, places in them, organisations, persons holding offices,
/// meetings held at the places with three persons each (who all met), and delegations
/// of a head and two members at the meetings. About 190,000 edges.
fn synthetic() -> Graph {
    let mut rng = Lcg(42);
    let mut g = Graph::new();
    let mut n = 0;
    let mut add = |g: &mut Graph, s: &str, k: RelationKind, t: &str| {
        n += 1;
        g.add_relation(&relation(s, k, t, n));
    };
    for c in 0..COUNTRIES {
        g.add_entity(&entity(format!("country:c{c}"), EntityKind::Country, word(&mut rng, 3, "ia"), &[]));
    }
    for l in 0..LOCATIONS {
        g.add_entity(&entity(format!("location:l{l}"), EntityKind::Location, word(&mut rng, 3, "grad"), &[]));
        add(&mut g, &format!("location:l{l}"), RelationKind::LocatedIn, &format!("country:c{}", l % COUNTRIES));
    }
    for o in 0..ORGANIZATIONS {
        let label = format!("Ministry of {}", word(&mut rng, 2, "ing"));
        g.add_entity(&entity(format!("organization:o{o}"), EntityKind::Organization, label, &[]));
    }
    for p in 0..PERSONS {
        let label = if p == 0 {
            "Volodymyr Zelenskyy".to_string()
        } else {
            format!("{} {}", word(&mut rng, 2, ""), word(&mut rng, 3, ["ov", "enko", "ski", "an"][p % 4]))
        };
        g.add_entity(&entity(format!("person:p{p}"), EntityKind::Person, label, &[("title", "Minister".into())]));
        let office = if p % 3 == 0 {
            format!("organization:o{}", p % ORGANIZATIONS)
        } else {
            format!("country:c{}", p % COUNTRIES)
        };
        add(&mut g, &format!("person:p{p}"), RelationKind::OfficialOf, &office);
    }
    for m in 0..MEETINGS {
        let id = format!("meeting:m{m}");
        let date = format!("20{:02}-{:02}-{:02}", 10 + m % 16, 1 + m % 12, 1 + m % 28);
        g.add_entity(&entity(id.clone(), EntityKind::Meeting, format!("talks {m}"), &[("date", date)]));
        add(&mut g, &id, RelationKind::HeldIn, &format!("location:l{}", rng.below(LOCATIONS)));
        let people: Vec<String> = (0..3).map(|_| format!("person:p{}", rng.below(PERSONS))).collect();
        for p in &people {
            add(&mut g, p, RelationKind::Attends, &id);
        }
        add(&mut g, &people[0], RelationKind::MetWith, &people[1]);
        add(&mut g, &people[1], RelationKind::MetWith, &people[2]);
        add(&mut g, &people[0], RelationKind::MetWith, &people[2]);
    }
    for d in 0..DELEGATIONS {
        let id = format!("delegation:d{d}");
        g.add_entity(&entity(id.clone(), EntityKind::Delegation, format!("delegation {d}"), &[]));
        add(&mut g, &id, RelationKind::Represents, &format!("country:c{}", d % COUNTRIES));
        add(&mut g, &id, RelationKind::Attends, &format!("meeting:m{}", d % MEETINGS));
        add(&mut g, &format!("person:p{}", rng.below(PERSONS)), RelationKind::LeadsDelegation, &id);
        for _ in 0..2 {
            add(&mut g, &format!("person:p{}", rng.below(PERSONS)), RelationKind::MemberOf, &id);
        }
    }
    // Zelenskyy meets a few people, so `met` has something to say about him.
    for p in [11, 222, 3_333] {
        add(&mut g, "person:p0", RelationKind::MetWith, &format!("person:p{p}"));
    }
    g
}

fn bench(c: &mut Criterion) {
    let g = synthetic();
    assert_eq!(g.node_count(), 100_000);
    eprintln!("synthetic graph: {} nodes, {} edges", g.node_count(), g.edge_count());
    if let Some(path) = std::env::var_os("KG_BENCH_GRAPH") {
        let meta = GraphMeta { generator: "kg bench".into(), documents: Vec::new() };
        let file = std::fs::File::create(&path).expect("create the graph file");
        kg_export::write_json(&g, &meta, std::io::BufWriter::new(file)).expect("write the graph file");
    }
    let person = [EntityKind::Person];
    let opts = Options::default();
    let all = DateRange::default();

    c.bench_function("resolve exact label", |b| {
        b.iter(|| query::resolve(&g, black_box("Volodymyr Zelenskyy"), &person).is_ok())
    });
    c.bench_function("resolve surname, other spelling", |b| {
        b.iter(|| query::resolve(&g, black_box("Zelensky"), &person).is_ok())
    });
    c.bench_function("resolve typo with suggestions", |b| {
        b.iter(|| query::resolve(&g, black_box("Zelenskky"), &person).is_err())
    });

    let zelenskyy = query::resolve(&g, "Zelensky", &person).expect("the planted person");
    let hub = g.node("person:p11").expect("a person");
    let far = g.node("person:p59999").expect("a person");
    c.bench_function("met one person", |b| b.iter(|| query::met(&g, Some(black_box(zelenskyy)), &all, opts).len()));
    c.bench_function("neighbors depth 2", |b| b.iter(|| query::neighbors(&g, black_box(hub), &[], 2, opts).len()));
    c.bench_function("path between two persons", |b| {
        b.iter(|| query::path(&g, black_box(zelenskyy), black_box(far), &[], opts).len())
    });
    let mut slow = c.benchmark_group("whole graph");
    slow.sample_size(10);
    slow.bench_function("met every pair", |b| b.iter(|| query::met(&g, None, &all, opts).len()));
    slow.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

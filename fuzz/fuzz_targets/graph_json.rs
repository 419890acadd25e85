//! Loading a graph JSON (`kg_export::read_graph`, used by `kg export`, `kg query` and
//! `kg merge`) on arbitrary bytes: it may refuse, never panic. What it accepts must write
//! back (JSON, DOT, text) without panicking, and the JSON it writes must load again into
//! the same graph.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok((graph, meta)) = kg_export::read_graph(text) else {
        return;
    };
    let json = kg_export::to_json_value(&graph, &meta);
    let _ = kg_export::to_dot(&graph);
    let _ = kg_export::to_text(&graph);
    let written = json.to_string();
    let (again, meta_again) = match kg_export::read_graph(&written) {
        Ok(g) => g,
        Err(e) => panic!("kg cannot read the graph it wrote: {e}\n{written}"),
    };
    assert_eq!(kg_export::to_json_value(&again, &meta_again), json, "write -> read -> write changed the graph");
});

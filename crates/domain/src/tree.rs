//! Tree rules shared by units (parent) and employees (direct supervisor): a node may not be
//! placed under itself or under one of its own descendants.

use std::collections::{HashMap, HashSet};

/// Whether giving `node` the parent `new_parent` would close a cycle, given each node's
/// current parent. `parent_of` is the whole relation (or at least the chain above `new_parent`).
pub fn would_cycle(node: i64, new_parent: i64, parent_of: &HashMap<i64, i64>) -> bool {
    let mut seen = HashSet::new();
    let mut cursor = Some(new_parent);
    while let Some(current) = cursor {
        if current == node || !seen.insert(current) {
            return true;
        }
        cursor = parent_of.get(&current).copied();
    }
    false
}

/// All nodes below each of `roots` (the roots included), given the parent relation.
pub fn subtree(roots: &[i64], parent_of: &HashMap<i64, i64>) -> HashSet<i64> {
    let mut children: HashMap<i64, Vec<i64>> = HashMap::new();
    for (child, parent) in parent_of {
        children.entry(*parent).or_default().push(*child);
    }
    let mut out: HashSet<i64> = HashSet::new();
    let mut stack: Vec<i64> = roots.to_vec();
    while let Some(n) = stack.pop() {
        if out.insert(n) {
            if let Some(kids) = children.get(&n) {
                stack.extend(kids);
            }
        }
    }
    out
}

/// Every node that lies on a cycle of the parent relation, found in one pass.
pub fn nodes_on_cycles(parent_of: &HashMap<i64, i64>) -> HashSet<i64> {
    // 0 = unvisited, 1 = on the current walk, 2 = done.
    let mut state: HashMap<i64, u8> = HashMap::new();
    let mut out = HashSet::new();
    for &start in parent_of.keys() {
        if state.get(&start).copied().unwrap_or(0) != 0 {
            continue;
        }
        let mut path = Vec::new();
        let mut cursor = Some(start);
        while let Some(n) = cursor {
            match state.get(&n).copied().unwrap_or(0) {
                0 => {
                    state.insert(n, 1);
                    path.push(n);
                    cursor = parent_of.get(&n).copied();
                }
                1 => {
                    // Closed a loop: everything on the path from `n` on is on the cycle.
                    if let Some(pos) = path.iter().position(|&p| p == n) {
                        out.extend(&path[pos..]);
                    }
                    break;
                }
                _ => break,
            }
        }
        for n in path {
            state.insert(n, 2);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_cycles() {
        // 1 <- 2 <- 3
        let parents = HashMap::from([(2, 1), (3, 2)]);
        assert!(would_cycle(1, 3, &parents));
        assert!(would_cycle(2, 2, &parents));
        assert!(!would_cycle(3, 1, &parents));
        assert_eq!(subtree(&[2], &parents), HashSet::from([2, 3]));
        // 4 -> 5 -> 6 -> 4 is a loop; 7 hangs below it but is not on it.
        let looped = HashMap::from([(4, 5), (5, 6), (6, 4), (7, 4), (2, 1)]);
        assert_eq!(nodes_on_cycles(&looped), HashSet::from([4, 5, 6]));
        assert!(nodes_on_cycles(&parents).is_empty());
    }
}

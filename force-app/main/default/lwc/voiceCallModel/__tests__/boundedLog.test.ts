import {
    emptyLog,
    insert,
    insertPosition,
    isTip,
    itemAt,
    latest,
    logOfOrdered,
    replace,
    toArray,
    withEvicted
} from '../boundedLog';
import type { BoundedLog } from '../boundedLog';

interface Item {
    readonly label: string;
    readonly at: number;
}

const timeOf = (item: Item): number => item.at;
const item = (label: string, at: number): Item => ({ label, at });
const names = (log: BoundedLog<Item>): string[] => toArray(log).map((i) => i.label);

function fill(log: BoundedLog<Item>, count: number, from = 0): BoundedLog<Item> {
    let next = log;
    for (let i = from; i < from + count; i++) next = insert(next, item(`i${i}`, i));
    return next;
}

describe('boundedLog', () => {
    it('keeps items in time order, equal times in arrival order, however far back they arrive', () => {
        let log = fill(emptyLog<Item>(100, timeOf), 40);
        log = insert(log, item('late-in-tail', 35));
        log = insert(log, item('late-in-backing', 3));
        log = insert(log, item('oldest', -1));
        const list = names(log);
        expect(list[0]).toBe('oldest');
        expect(list.slice(4, 7)).toEqual(['i3', 'late-in-backing', 'i4']);
        expect(list.indexOf('late-in-tail')).toBe(list.indexOf('i35') + 1);
        expect(log.size).toBe(43);
    });

    it('evicts the oldest beyond its capacity, counts them and shows each to onEvict', () => {
        const seen: string[] = [];
        let log = emptyLog<Item>(3, timeOf);
        for (let i = 0; i < 5; i++) log = insert(log, item(`i${i}`, i), (gone) => seen.push(gone.label));
        expect(names(log)).toEqual(['i2', 'i3', 'i4']);
        expect(log.evicted).toBe(2);
        expect(seen).toEqual(['i0', 'i1']);
    });

    it('evicts an item older than everything a full log keeps as soon as it arrives', () => {
        const log = insert(fill(emptyLog<Item>(3, timeOf), 3, 10), item('too-old', 1));
        expect(names(log)).toEqual(['i10', 'i11', 'i12']);
        expect(log.evicted).toBe(1);
    });

    it('stays the same after more than a thousand evictions (the backing array is compacted)', () => {
        const log = fill(emptyLog<Item>(50, timeOf), 3000);
        expect(log.size).toBe(50);
        expect(log.evicted).toBe(2950);
        expect(names(log)).toEqual(Array.from({ length: 50 }, (_, i) => `i${2950 + i}`));
        expect(log.backing.length).toBeLessThan(3000);
    });

    it('replaces an item in place, in the tail and in the older part', () => {
        let log = fill(emptyLog<Item>(100, timeOf), 30);
        const old = itemAt(log, 2) as Item;
        const recent = itemAt(log, 28) as Item;
        log = replace(log, old, item('old-updated', old.at));
        log = replace(log, recent, item('recent-updated', recent.at));
        expect(itemAt(log, 2)?.label).toBe('old-updated');
        expect(itemAt(log, 28)?.label).toBe('recent-updated');
        expect(log.size).toBe(30);
    });

    it('leaves a newer log untouched when an older one is written to (a branch copies)', () => {
        const base = fill(emptyLog<Item>(100, timeOf), 30);
        const newer = insert(base, item('newer', 100));
        expect(isTip(base)).toBe(false);
        const branch = insert(base, item('branch', 100));
        expect(names(newer).at(-1)).toBe('newer');
        expect(names(branch).at(-1)).toBe('branch');
        expect(names(newer)).not.toContain('branch');
        expect(isTip(newer)).toBe(true);
        expect(isTip(branch)).toBe(true);
    });

    it('reads the newest items without the whole log, and caches the whole one per log', () => {
        const log = fill(emptyLog<Item>(100, timeOf), 40);
        expect(latest(log, 3).map((i) => i.label)).toEqual(['i37', 'i38', 'i39']);
        expect(latest(log, 30)).toHaveLength(30);
        expect(latest(log, 30)[0].label).toBe('i10');
        expect(latest(log, 500)).toHaveLength(40);
        expect(latest(log, -1)).toHaveLength(0);
        expect(toArray(log)).toBe(toArray(log));
        expect(Object.isFrozen(toArray(log))).toBe(true);
        expect(toArray(emptyLog<Item>(5, timeOf))).toHaveLength(0);
    });

    it('says where an item of a given time would go and which item sits before it', () => {
        const log = fill(emptyLog<Item>(100, timeOf), 30);
        expect(insertPosition(log, 5)).toBe(6);
        expect(insertPosition(log, 29)).toBe(30);
        expect(insertPosition(log, -5)).toBe(0);
        expect(itemAt(log, insertPosition(log, 5) - 1)?.label).toBe('i5');
        expect(itemAt(log, -1)).toBeUndefined();
        expect(itemAt(log, 30)).toBeUndefined();
        expect(insertPosition(emptyLog<Item>(5, timeOf), 1)).toBe(0);
    });

    it('rebuilds a log from ordered items, keeping more than its capacity and evicting one per insert', () => {
        const copy = logOfOrdered(
            Array.from({ length: 5 }, (_, i) => item(`c${i}`, i)),
            3,
            timeOf
        );
        expect(copy.capacity).toBe(5);
        const next = insert(copy, item('new', 9));
        expect(names(next)).toEqual(['c1', 'c2', 'c3', 'c4', 'new']);
        expect(insert(copy, item('mid', 2)).size).toBe(5);
        expect(names(insert(copy, item('mid', 2)))).toEqual(['c1', 'c2', 'mid', 'c3', 'c4']);
        expect(withEvicted(copy, 7).evicted).toBe(7);
        expect(logOfOrdered([], 3, timeOf).size).toBe(0);
    });
});

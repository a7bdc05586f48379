#!/usr/bin/env python3
"""Agreement of the validator with the Kong oracle, per family (the folder name's prefix before "-<n>").

usage: compare.py ORACLE.jsonl VALIDATOR.json [--diffs]

A plugin agrees when both refuse or both accept it, as the oracle's own compare.py judges it: the oracle refuses a
plugin Kong refuses at upload or cannot load (`accepted` false), or whose phase methods, run once by the oracle's
probe with stand-ins, hit a sandbox error (`runtime_sandbox_error`). The validator accepts a plugin when it reports
no error.
"""
import collections, json, os, sys


def main():
    oracle_path, validator_path = sys.argv[1], sys.argv[2]
    diffs = "--diffs" in sys.argv
    oracle = {}
    for line in open(oracle_path, encoding="utf-8", errors="replace"):
        if line.startswith('{"path"'):
            r = json.loads(line)
            oracle[os.path.basename(os.path.normpath(r["path"]))] = r
    val = {os.path.basename(os.path.normpath(p["path"])): p for p in json.load(open(validator_path))["plugins"]}
    fam = collections.defaultdict(lambda: [0, 0])
    rows = []
    for name in sorted(set(oracle) | set(val), key=lambda n: (n.rsplit("-", 1)[0], int(n.rsplit("-", 1)[1]))):
        f = name.rsplit("-", 1)[0]
        r, v = oracle.get(name), val.get(name)
        fam[f][1] += 1
        if r is None or v is None:
            rows.append("%s: missing %s result" % (name, "oracle" if r is None else "validator"))
            continue
        errs = [d for d in v.get("diagnostics", []) if d.get("severity") == "error"]
        v_ok = not errs
        o_ok = r.get("accepted") is not False and not r.get("runtime_sandbox_error")
        if v_ok == o_ok:
            fam[f][0] += 1
            continue
        if r.get("accepted") is False:
            kong = "%s: %s" % (r.get("stage"), json.dumps(r.get("fields") or r.get("error"))[:300])
        else:
            kong = "probe: " + " | ".join((r.get("probe") or {}).get("sandbox_errors", []))[:300]
        mine = "; ".join("%s@%s:%s %s" % (d["rule"], d.get("file"), d.get("line"), d["message"][:160]) for d in errs)
        rows.append("%s: validator %s; Kong %s" % (name, "invalid (" + mine + ")" if errs else "valid",
                                                   "refuses (" + kong + ")" if not o_ok else "accepts"))
    total = [sum(x[0] for x in fam.values()), sum(x[1] for x in fam.values())]
    for f in sorted(fam):
        a, n = fam[f]
        print("%-8s %5d/%-5d %6.1f %%" % (f, a, n, 100.0 * a / n))
    print("%-8s %5d/%-5d %6.1f %%" % ("all", total[0], total[1], 100.0 * total[0] / total[1]))
    if diffs:
        for r in rows:
            print("  DIFF", r)


if __name__ == "__main__":
    main()

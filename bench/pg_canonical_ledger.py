# pg_canonical_ledger.py PG_URL SQLITE_DB: the ledgers of two stores compared with article and
# report ids replaced by article URLs (ids follow the order batches commit in, so they differ
# between one worker and several); run after bench/pg_workers_killed.sh, which writes the
# /tmp/{pg,one}_{incidents,tallies,developments}.json it reads.
import json, sys, subprocess
B="target/release/strikewatch"
STRIDE=1<<20
def canon(db):
    arts=json.loads(subprocess.run([B,"--db",db,"articles","--json","--limit","1000000"],capture_output=True,text=True).stdout)
    url={a["id"]:a["url"] for a in arts}
    stories={}
    for a in arts: stories.setdefault(a["story"],[]).append(a["url"])
    part=sorted(sorted(v) for v in stories.values())
    def walk(v,key):
        if isinstance(v,dict): return {k:walk(x,k) for k,x in v.items()}
        if isinstance(v,list):
            k={"report_ids":"report_id","article_ids":"article_id"}.get(key,key)
            return sorted((walk(x,k) for x in v), key=lambda x: json.dumps(x,sort_keys=True))
        if isinstance(v,int) and not isinstance(v,bool):
            if key=="story_id": return "story"
            if key in ("article_id","copy_of"): return url[v]
            if key=="report_id": return f"{url[v//STRIDE]}#{v%STRIDE}"
        return v
    lists={}
    for l in ["incidents","tallies","developments"]:
        lists[l]=walk(json.load(open(f"/tmp/{'pg' if db.startswith('postgres') else 'one'}_{l}.json")),"")
    return sorted(url.values()), part, lists
a=canon(sys.argv[1]); b=canon(sys.argv[2])
print("urls equal:", a[0]==b[0], len(a[0])); print("story partition equal:", a[1]==b[1], len(a[1]))
for l in a[2]: print(l, "equal" if a[2][l]==b[2][l] else "DIFFER", len(a[2][l]))

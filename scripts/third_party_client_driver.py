#!/usr/bin/env python3
"""Drive `smm sandbox` with a THIRD-PARTY SMM panel API v2 client from PyPI.

Run through scripts/third-party-client.sh, which installs the client into a
throwaway venv under target/third-party/ and runs this file with that venv's
python. Every call below goes through the client's own methods (no raw HTTP
here), so the sandbox is checked against how someone else reads the API.

Clients (pick with SMM_THIRD_PARTY_CLIENT):
  babismm  (default) PyPI `babismm` 1.0.1, MIT, module `smm`, class `SMM`;
           uses `requests`, POST form-encoded.
  safesmm  PyPI `safesmm` 0.1.0, MIT, stdlib urllib, POST form-encoded;
           has no refill_status / multi-refill methods.

Environment:
  SMM_SANDBOX_URL        endpoint, e.g. http://127.0.0.1:PORT/api/v2 (required)
  SMM_SANDBOX_KEY        API key (default "sandbox")
  SMM_THIRD_PARTY_CLIENT babismm | safesmm (default babismm)
  SMM_THIRD_PARTY_EXTRA  1 = also call multi-refill and refill_status (one and
                         many) where the client has those methods

Exit status: 0 if every call returned and every answer had the expected shape,
1 otherwise, 2 on bad usage.
"""
import json
import os
import sys
import traceback

SERVICE = 1448
LINK = "https://instagram.com/p/test"
QUANTITY = 100
UNKNOWN_ORDER = 999999
# A finished order of a refillable service: `smm sandbox` starts with order 23491 Completed
# (service 1448). A fresh order cannot be refilled on a real panel, nor on the sandbox.
REFILL_ORDER = int(os.environ.get("SMM_REFILL_ORDER") or 23491)


def make_client(name, url, key):
    """Return (description, dict of call name -> callable) for the client."""
    if name == "babismm":
        import smm  # the babismm distribution installs the top-level module `smm`

        c = smm.SMM(api_url=url, api_key=key, timeout=15)
        calls = {
            "balance": c.get_balance,
            "services": c.get_services,
            "add": lambda: c.add_order(service=SERVICE, link=LINK, quantity=QUANTITY),
            "status": c.get_status,
            "multi_status": c.get_multi_status,
            "refill": c.create_refill,
            "cancel": lambda order: c.cancel_orders([order]),
            # extras
            "multi_refill": c.create_multi_refill,
            "refill_status": c.get_refill_status,
            "multi_refill_status": c.get_multi_refill_status,
        }
        return "babismm %s (module smm, class SMM)" % getattr(smm, "__version__", "?"), calls
    if name == "safesmm":
        import safesmm

        c = safesmm.SafeSMM(key, api_url=url, timeout=15)
        calls = {
            "balance": c.balance,
            "services": c.services,
            "add": lambda: c.add_order(SERVICE, LINK, QUANTITY),
            "status": c.status,
            "multi_status": c.multi_status,
            "refill": c.refill,
            "cancel": lambda order: c.cancel([order]),
        }
        return "safesmm %s (class SafeSMM)" % getattr(safesmm, "__version__", "?"), calls
    print("unknown SMM_THIRD_PARTY_CLIENT %r (babismm or safesmm)" % name, file=sys.stderr)
    sys.exit(2)


class Runner:
    def __init__(self):
        self.failures = []
        self.passed = 0

    def call(self, label, fn, *args, check=None):
        """Run one client call, print its answer, check its shape. Returns the answer or None."""
        print("== %s" % label, flush=True)
        try:
            result = fn(*args)
        except Exception as e:  # the client raised: network, HTTP status, JSON or API error
            print("   RAISED %s: %s" % (type(e).__name__, e), flush=True)
            self.failures.append("%s raised %s: %s" % (label, type(e).__name__, e))
            return None
        print("   " + json.dumps(result, ensure_ascii=False, sort_keys=False)[:2000], flush=True)
        problem = check(result) if check else None
        if problem:
            print("   BAD SHAPE: %s" % problem, flush=True)
            self.failures.append("%s: %s" % (label, problem))
            return None
        self.passed += 1
        return result

    def skip(self, label, why):
        print("== %s\n   SKIPPED: %s" % (label, why), flush=True)
        self.failures.append("%s skipped: %s" % (label, why))


def has_key(key):
    def check(r):
        if not isinstance(r, dict):
            return "expected an object, got %s" % type(r).__name__
        if key not in r:
            return "no %r key" % key
        return None
    return check


def is_list(r):
    return None if isinstance(r, list) else "expected a list, got %s" % type(r).__name__


def multi_status_check(order_id):
    def check(r):
        if not isinstance(r, dict):
            return "expected an object keyed by id, got %s" % type(r).__name__
        missing = [k for k in (str(order_id), str(UNKNOWN_ORDER)) if k not in r]
        if missing:
            return "missing id keys %s (keys: %s)" % (missing, list(r)[:10])
        mine = r[str(order_id)]
        if not isinstance(mine, dict) or "status" not in mine:
            return "entry for order %s has no 'status'" % order_id
        unknown = r[str(UNKNOWN_ORDER)]
        if not isinstance(unknown, dict) or "error" not in unknown:
            return "entry for unknown id %s is not {\"error\": ...}" % UNKNOWN_ORDER
        return None
    return check


def list_of(*keys):
    def check(r):
        if not isinstance(r, list):
            return "expected a list, got %s" % type(r).__name__
        for i, item in enumerate(r):
            if not isinstance(item, dict) or any(k not in item for k in keys):
                return "item %d lacks %s: %r" % (i, list(keys), item)
        return None
    return check


def main():
    url = os.environ.get("SMM_SANDBOX_URL", "")
    if not url:
        print("SMM_SANDBOX_URL is not set (e.g. http://127.0.0.1:PORT/api/v2)", file=sys.stderr)
        return 2
    key = os.environ.get("SMM_SANDBOX_KEY") or "sandbox"
    name = os.environ.get("SMM_THIRD_PARTY_CLIENT") or "babismm"
    extra = os.environ.get("SMM_THIRD_PARTY_EXTRA") == "1"

    desc, calls = make_client(name, url, key)
    print("client: %s" % desc)
    print("endpoint: %s  key: %s" % (url, key), flush=True)

    run = Runner()
    run.call("balance", calls["balance"], check=has_key("balance"))
    run.call("services", calls["services"], check=is_list)
    added = run.call("add service=%d link=%s quantity=%d" % (SERVICE, LINK, QUANTITY),
                     calls["add"], check=has_key("order"))
    order = added["order"] if added else None
    if order is None:
        for label in ("status", "multi-status", "refill", "cancel"):
            run.skip(label, "no order id (add failed)")
    else:
        run.call("status order=%s" % order, calls["status"], order, check=has_key("status"))
        run.call("multi-status orders=%s,%d" % (order, UNKNOWN_ORDER), calls["multi_status"],
                 [order, UNKNOWN_ORDER], check=multi_status_check(order))
        refilled = run.call("refill order=%s" % REFILL_ORDER, calls["refill"], REFILL_ORDER,
                            check=has_key("refill"))
        if extra:
            if "multi_refill" in calls:
                run.call("multi-refill orders=%s,%d" % (REFILL_ORDER, UNKNOWN_ORDER),
                         calls["multi_refill"], [REFILL_ORDER, UNKNOWN_ORDER],
                         check=list_of("order", "refill"))
            if "refill_status" in calls and refilled:
                rid = refilled["refill"]
                run.call("refill_status refill=%s" % rid, calls["refill_status"], rid,
                         check=has_key("status"))
                run.call("refill_status refills=%s,%d" % (rid, UNKNOWN_ORDER),
                         calls["multi_refill_status"], [rid, UNKNOWN_ORDER],
                         check=list_of("refill", "status"))
            if "refill_status" not in calls:
                print("== (extra) %s has no refill_status/multi-refill methods" % name)
        run.call("cancel orders=%s" % order, calls["cancel"], order, check=list_of("order", "cancel"))

    print()
    if run.failures:
        print("FAILED with %s:" % desc)
        for f in run.failures:
            print("  - " + f)
    print("%d passed, %d failed" % (run.passed, len(run.failures)))
    return 1 if run.failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SystemExit:
        raise
    except BaseException:
        traceback.print_exc()
        sys.exit(1)

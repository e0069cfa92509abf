#!/usr/bin/env python3
"""Drive `smm mcp` with the official MCP client (PyPI `mcp`, the Python SDK).

Run through scripts/check-mcp-client.sh, which starts `smm sandbox`, writes a config
file with a profile on it and an [mcp] table that allows orders, installs the SDK into
a throwaway venv under target/mcp-client/ and runs this file with that venv's python.
Everything below goes through the SDK's own client (stdio transport, ClientSession):
it starts `smm mcp`, initializes, lists the tools, reads the balance, quotes an order,
places it on the sandbox, sees the duplicate guard refuse the repeat, quotes and places
an order through route `ig`, finds both orders in list_orders, and syncs (the answer
checked by the SDK against the sync tool's output schema).

Environment:
  SMM_BIN      the smm binary (required)
  SMM_CONFIG   the config file smm mcp reads (required)
  SMM_DATA_DIR where its order book lives (required)

Exit status: 0 if every step answered as expected, 1 otherwise.
"""
import asyncio
import os
import sys

from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client

TOOLS = [
    "balance",
    "search_services",
    "quote_order",
    "place_order",
    "order_status",
    "list_orders",
    "request_refill",
    "sync",
]
ORDER = {"service": 1448, "link": "https://instagram.com/p/mcp-client", "quantity": 200}
ROUTED = {"route": "ig", "link": "https://instagram.com/p/mcp-route", "quantity": 100}


def text(result):
    """The text of a tool result's first content block."""
    return result.content[0].text if result.content else ""


def expect(ok, what):
    """Prints what was checked; raises when it does not hold."""
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        raise AssertionError(what)


async def drive():
    env = {
        name: os.environ[name]
        for name in ("SMM_CONFIG", "SMM_DATA_DIR", "HOME", "PATH")
        if name in os.environ
    }
    params = StdioServerParameters(command=os.environ["SMM_BIN"], args=["mcp"], env=env)
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            expect(init.server_info.name == "smm", f"initialize: server {init.server_info.name}")

            tools = (await session.list_tools()).tools
            names = [t.name for t in tools]
            expect(names == TOOLS, f"list_tools: {names}")
            place = next(t for t in tools if t.name == "place_order")
            expect("service" in place.input_schema.get("properties", {}), "place_order schema")

            balance = await session.call_tool("balance", {})
            expect(not balance.is_error, f"balance: {text(balance)}")
            expect(balance.structured_content["sandbox"]["currency"] == "USD", "balance in USD")

            quote = await session.call_tool("quote_order", ORDER)
            expect(not quote.is_error and quote.structured_content["can_place"], f"quote_order: {text(quote)}")
            cost = quote.structured_content["quote"]["cost"]
            expect(cost == "0.18", f"quote cost {cost}")

            placed = await session.call_tool("place_order", ORDER)
            expect(not placed.is_error, f"place_order: {text(placed)}")
            order = placed.structured_content["order"]
            expect(order.isdigit(), f"placed order {order}")

            again = await session.call_tool("place_order", ORDER)
            expect(again.is_error and "refusing a duplicate" in text(again), f"repeat refused: {text(again)}")

            quoted = await session.call_tool("quote_order", ROUTED)
            expect(not quoted.is_error and quoted.structured_content["profile"] == "sandbox",
                   f"quote_order through a route: {text(quoted)}")
            routed = await session.call_tool("place_order", ROUTED)
            expect(not routed.is_error and routed.structured_content["cost"] == "0.09",
                   f"place_order through a route: {text(routed)}")
            through = routed.structured_content["order"]

            listed = await session.call_tool("list_orders", {"limit": 5})
            orders = listed.structured_content["orders"]
            expect(any(o.get("order") == order and o["route"] is None for o in orders),
                   f"list_orders has order {order}")
            expect(any(o.get("order") == through and o["route"] == "ig" for o in orders),
                   f"list_orders has order {through} through route ig")

            # The SDK checks the answer against the tool's outputSchema.
            sync_tool = next(t for t in tools if t.name == "sync")
            expect("notes" in (sync_tool.output_schema or {}).get("properties", {}), "sync output schema")
            synced = await session.call_tool("sync", {})
            expect(not synced.is_error and synced.structured_content["notes"] == [],
                   f"sync: {text(synced)}")
            expect(synced.structured_content["profiles"][0]["profile"] == "sandbox", "sync's profile")

            bad = await session.call_tool("place_order", {"service": "x"})
            expect(bad.is_error and "bad arguments" in text(bad), f"bad arguments: {text(bad)}")


def main():
    for name in ("SMM_BIN", "SMM_CONFIG", "SMM_DATA_DIR"):
        if not os.environ.get(name):
            print(f"{name} is required", file=sys.stderr)
            return 2
    try:
        asyncio.run(drive())
    except Exception as e:  # noqa: BLE001 - any failure is a failed check
        print(f"FAIL {type(e).__name__}: {e}")
        return 1
    print("the official MCP client placed an order through smm mcp")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Waiting for a kernel to answer, without jupyter_client's fixed fifth of a second.

Before a client sends a kernel code, it must know that the kernel answers on its shell channel
and that the client's IOPub subscription is connected: ZeroMQ drops what a kernel publishes
before a subscriber has joined, and a cell's outputs and its final "idle" status come on IOPub.
jupyter_client's ``wait_for_ready`` checks both, then empties IOPub by reading until nothing
has come for 0.2 s, so every call costs at least 0.2 s, also on a kernel that answered in
2 ms. A run calls it for every warm-up, every reuse and every notebook's execution: about four
fifths of a second on the critical path of the bundled corpus's run (the first kernel's warm-up,
then notebooks 01, 03 and 04).

:func:`wait_until_ready` checks the same two things and stops as soon as they hold: it sends a
``kernel_info`` request, waits for its reply on the shell channel, then reads IOPub up to the
kernel's "idle" status *for that request* (the kernel publishes "busy" and "idle" around every
request; reading up to it also empties what came before). A subscription that had not joined yet
misses those messages, and the request is sent again, as ``wait_for_ready`` does.
"""

from __future__ import annotations

import time
from queue import Empty
from typing import Any

from jupyter_core.utils import ensure_async

# How long the IOPub status of one kernel_info request may take before it is sent again (the
# subscription had not joined), and how long one reply on the shell channel may take before the
# kernel is asked whether it is still alive (jupyter_client's own figures).
IOPUB_WAIT_S = 0.2
SHELL_WAIT_S = 1.0


async def _reply_to(client: Any, msg_id: str, wait: float) -> dict[str, Any] | None:
    """The shell reply to request ``msg_id``, or None when none came within ``wait`` seconds
    (replies to other requests are skipped)."""
    deadline = time.monotonic() + wait
    while (left := deadline - time.monotonic()) > 0:
        try:
            reply = await ensure_async(client.get_shell_msg(timeout=left))
        except Empty:
            return None
        if reply.get("parent_header", {}).get("msg_id") == msg_id:
            return dict(reply)
    return None


async def _idle_after(client: Any, msg_id: str, wait: float) -> bool:
    """Whether the kernel's "idle" status for request ``msg_id`` came on IOPub within ``wait``
    seconds; every IOPub message before it is read and dropped."""
    deadline = time.monotonic() + wait
    while (left := deadline - time.monotonic()) > 0:
        try:
            message = await ensure_async(client.get_iopub_msg(timeout=left))
        except Empty:
            return False
        if (
            message.get("msg_type") == "status"
            and message.get("content", {}).get("execution_state") == "idle"
            and message.get("parent_header", {}).get("msg_id") == msg_id
        ):
            return True
    return False


async def wait_until_ready(client: Any, timeout: float) -> dict[str, Any]:
    """Wait until the kernel of ``client`` (an asynchronous jupyter_client ``KernelClient``
    with its channels started) answers on its shell channel and the client's IOPub subscription
    receives; returns the ``kernel_info`` reply. Raises ``RuntimeError`` when the kernel died
    or did not answer within ``timeout`` seconds, as ``wait_for_ready`` does."""
    deadline = time.monotonic() + timeout
    while True:
        msg_id = client.kernel_info()
        reply = await _reply_to(client, msg_id, min(SHELL_WAIT_S, max(timeout, 0.0)))
        if reply is not None and await _idle_after(client, msg_id, IOPUB_WAIT_S):
            handle = getattr(client, "_handle_kernel_info_reply", None)
            if handle is not None:  # the protocol version the session speaks
                handle(reply)
            return reply
        if not await ensure_async(client.is_alive()):
            raise RuntimeError("Kernel died before replying to kernel_info")
        if time.monotonic() > deadline:
            raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")

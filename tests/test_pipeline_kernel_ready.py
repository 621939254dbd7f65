"""analysis.pipeline.kernel_ready: a kernel is ready when it answers and IOPub receives."""

from __future__ import annotations

import asyncio
from queue import Empty
from typing import Any

import pytest

from analysis.pipeline import kernel_ready
from analysis.pipeline.kernel_ready import wait_until_ready


class FakeClient:
    """A kernel client whose kernel answers every kernel_info on the shell channel and
    publishes busy/idle on IOPub, except for the first ``lost`` requests, whose IOPub messages
    a subscription that has not joined yet never sees."""

    def __init__(self, lost: int = 0, alive: bool = True, answers: bool = True) -> None:
        self.lost, self.alive, self.answers = lost, alive, answers
        self.sent: list[str] = []
        self.shell: list[dict[str, Any]] = []
        self.iopub: list[dict[str, Any]] = []
        self.handled: list[dict[str, Any]] = []

    def kernel_info(self) -> str:
        msg_id = f"m{len(self.sent)}"
        self.sent.append(msg_id)
        if not self.answers:
            return msg_id
        parent = {"msg_id": msg_id}
        # a reply to something else first: skipped
        self.shell.append({"parent_header": {"msg_id": "other"}, "msg_type": "x"})
        self.shell.append({"parent_header": parent, "msg_type": "kernel_info_reply",
                           "content": {"protocol_version": "5.3"}})  # fmt: skip
        if len(self.sent) > self.lost:
            for state in ("busy", "idle"):
                self.iopub.append({"msg_type": "status", "parent_header": parent,
                                   "content": {"execution_state": state}})  # fmt: skip
        return msg_id

    async def get_shell_msg(self, timeout: float) -> dict[str, Any]:
        if not self.shell:
            raise Empty
        return self.shell.pop(0)

    async def get_iopub_msg(self, timeout: float) -> dict[str, Any]:
        if not self.iopub:
            raise Empty
        return self.iopub.pop(0)

    async def is_alive(self) -> bool:
        return self.alive

    def _handle_kernel_info_reply(self, msg: dict[str, Any]) -> None:
        self.handled.append(msg)


def _run(client: FakeClient, timeout: float = 5.0) -> dict[str, Any]:
    return asyncio.run(wait_until_ready(client, timeout))


def test_a_kernel_that_answers_is_ready_after_one_request_and_its_reply_is_handled() -> None:
    client = FakeClient()
    reply = _run(client)
    assert reply["msg_type"] == "kernel_info_reply" and client.sent == ["m0"]
    assert client.handled == [reply]
    assert client.iopub == []  # read up to the idle status of the request


def test_a_subscription_that_had_not_joined_makes_it_ask_again(monkeypatch) -> None:
    monkeypatch.setattr(kernel_ready, "IOPUB_WAIT_S", 0.01)
    client = FakeClient(lost=2)
    reply = _run(client)
    assert client.sent == ["m0", "m1", "m2"]
    assert reply["parent_header"]["msg_id"] == "m2"


def test_a_dead_kernel_raises(monkeypatch) -> None:
    monkeypatch.setattr(kernel_ready, "SHELL_WAIT_S", 0.01)
    with pytest.raises(RuntimeError, match="died"):
        _run(FakeClient(alive=False, answers=False))


def test_a_kernel_that_never_answers_times_out(monkeypatch) -> None:
    monkeypatch.setattr(kernel_ready, "SHELL_WAIT_S", 0.01)
    with pytest.raises(RuntimeError, match="didn't respond"):
        _run(FakeClient(answers=False), timeout=0.05)


@pytest.mark.slow
def test_a_real_kernel_is_ready_and_its_outputs_arrive(tmp_path) -> None:
    from jupyter_client.manager import AsyncKernelManager

    from analysis.pipeline.execute import KERNEL_NAME, kernel_environment

    async def check() -> list[str]:
        manager = AsyncKernelManager(kernel_name=KERNEL_NAME)
        await manager.start_kernel(cwd=str(tmp_path))
        client = manager.client()
        client.start_channels()
        try:
            reply = await wait_until_ready(client, 60)
            assert reply["content"]["status"] == "ok"
            msg_id = client.execute("print('hello')")
            seen = []
            while True:
                message = await client.get_iopub_msg(timeout=10)
                if message["parent_header"].get("msg_id") != msg_id:
                    continue
                seen.append(message["msg_type"])
                if message["content"].get("execution_state") == "idle":
                    return seen
        finally:
            client.stop_channels()
            await manager.shutdown_kernel(now=True)

    with kernel_environment():
        seen = asyncio.run(check())
    assert seen[0] == "status" and "stream" in seen  # the output came on IOPub

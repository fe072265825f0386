"""docker-compose.yml: as far as it can be tried without a Docker engine, Compose must accept it."""

from __future__ import annotations

import os
import shutil
import subprocess

import yaml

from tests.conftest import ROOT


def compose_command() -> list[str]:
    if subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        return ["docker", "compose"]
    legacy = shutil.which("docker-compose")
    assert legacy, "neither 'docker compose' nor 'docker-compose' is installed (scripts/system-deps test)"
    return [legacy]


def test_compose_config_is_accepted() -> None:
    env = {**os.environ, "NEO4J_PASSWORD": "example-password"}
    result = subprocess.run([*compose_command(), "config"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load(result.stdout)
    neo4j = config["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert "healthcheck" in neo4j and "healthcheck" in config["services"]["govgraph"]
    assert config["services"]["govgraph"]["environment"]["GOVGRAPH_NEO4J_URI"] == "bolt://neo4j:7687"


def test_compose_refuses_to_run_without_a_password() -> None:
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
    result = subprocess.run([*compose_command(), "config"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "NEO4J_PASSWORD" in result.stderr

"""One typed settings object, read from the environment, so every command sees the same configuration."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

NEO4J_VERSION = "5.26.30"


class Settings(BaseSettings):
    """Where Neo4j is and how big the local one may grow.

    With ``GOVGRAPH_NEO4J_URI`` set, govgraph talks to that server (Docker, Aura, a cluster) and starts
    nothing; otherwise it runs its own server from ``home``.
    """

    model_config = SettingsConfigDict(env_prefix="GOVGRAPH_", extra="ignore")

    home: Path = Field(default_factory=lambda: Path(user_data_dir("govgraph")))
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str = "neo4j"
    neo4j_version: str = NEO4J_VERSION
    bolt_port: int | None = None
    http_port: int | None = None
    heap: str = "512m"
    pagecache: str = "128m"
    start_timeout: float = 300.0  # a first start on a busy machine took 231 s in a loaded test run
    tx_timeout: float = 60.0
    # The API after a Neo4j outage: each read bounded by this until the warm-up has run again (a restarting
    # Neo4j accepts connections before it has finished starting and holds queries sent then: 20-32 s).
    api_cold_timeout: float = 5.0
    api_acquisition_timeout: float = 5.0  # the driver's wait for a connection (handshake, login included)
    allowed_hosts: str = Field(
        "", description="comma-separated host names the API may be reached by, besides loopback"
    )

    @property
    def external(self) -> bool:
        """True when the user points at a server of their own: then nothing is started or stopped."""
        return bool(self.neo4j_uri)

    @property
    def host_names(self) -> tuple[str, ...]:
        return tuple(name.strip() for name in self.allowed_hosts.split(",") if name.strip())

    @cached_property
    def resolved_home(self) -> Path:
        return self.home.expanduser().resolve()


def load_settings() -> Settings:
    return Settings()

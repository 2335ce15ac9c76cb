# Multi-stage build: the SPA (wasm32) and the server are built in the first stage; the runtime
# image holds only the `kinerja` binary and the built SPA.
FROM rust:1.95-bookworm AS build
WORKDIR /src
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/* \
 && rustup target add wasm32-unknown-unknown \
 && cargo install wasm-bindgen-cli --version =0.2.130
COPY . .
RUN cargo xtask frontend \
 && cargo build --release -p kinerja-api

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /data kinerja \
 && mkdir -p /data \
 && chown kinerja /data
COPY --from=build /src/target/release/kinerja /usr/local/bin/kinerja
COPY --from=build /src/frontend/dist /srv/kinerja/dist
USER kinerja
ENV KINERJA_BIND=0.0.0.0:8080 \
    KINERJA_STATIC_DIR=/srv/kinerja/dist \
    KINERJA_DATA_DIR=/data \
    KINERJA_LOG_JSON=true
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["kinerja"]
CMD ["serve"]

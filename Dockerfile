# The workshop app in one container: slim Python, non-root, no network needed at run time.
#   docker build -t ml-workshop . && docker run -p 8501:8501 ml-workshop
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 10001 workshop
WORKDIR /app

# Dependencies first, so code changes do not reinstall TensorFlow.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=workshop:workshop app.py ./
COPY --chown=workshop:workshop .streamlit ./.streamlit
COPY --chown=workshop:workshop lib ./lib
COPY --chown=workshop:workshop pages ./pages
COPY --chown=workshop:workshop data ./data

USER workshop
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.address", "0.0.0.0", "--server.port", "8501"]

"""Hybrid retrieval: sentence embeddings in faiss fused with BM25, behind one small facade."""

from index.acronyms import Acronyms
from index.encoder import E5Encoder, Encoder, SentenceEncoder
from index.search_index import Fusion, Hit, IndexItem, QueryVector, SearchIndex

__all__ = ["Acronyms", "E5Encoder", "Encoder", "Fusion", "Hit", "IndexItem", "QueryVector", "SearchIndex", "SentenceEncoder"]

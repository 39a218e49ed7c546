"""Drafting desk: wording check (措辞比对), phrase precedents (提法检索), target tracker (指标对比)."""

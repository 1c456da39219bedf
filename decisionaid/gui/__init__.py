"""The Flet interface: composition root, route table, views and visual components."""

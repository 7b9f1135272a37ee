from lib import ui
import streamlit as st
ui.page_setup(None)
st.title("Glossary", anchor=False)

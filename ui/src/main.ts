import "./lib/boot";
import { mount } from "svelte";
import "./app.css";
import App from "./App.svelte";
import { ownWordsForChecks } from "./lib/validity";

ownWordsForChecks();

const target = document.getElementById("app");
if (target) mount(App, { target });

import { mount } from 'svelte'
import './app.css'
import App from './App.svelte'
import { createWindowClient } from './lib/services/inkprint-client'
import { AppInfoStore } from './lib/stores/app-info.svelte'
import { DocumentsStore } from './lib/stores/documents.svelte'
import { NavigationStore } from './lib/stores/navigation.svelte'
import { SettingsStore } from './lib/stores/settings.svelte'
import { CalibrationFlowStore } from './lib/stores/calibration.svelte'
import { ProfilesStore } from './lib/stores/profiles.svelte'
import { ReportsStore } from './lib/stores/reports.svelte'
import { KnownWritingStore } from './lib/stores/known-writing.svelte'

// The stores are created once here and handed down, so components never reach for globals.
const client = createWindowClient()
const settings = new SettingsStore(window.localStorage)
const navigation = new NavigationStore()
const documents = new DocumentsStore(client, settings, navigation)
const appInfo = new AppInfoStore(client)
const reports = new ReportsStore(client)
const calibration = new CalibrationFlowStore(client, settings)
const profiles = new ProfilesStore(client)
const knownWriting = new KnownWritingStore(client, (updated) => documents.replaceResults(updated))

const target = document.getElementById('app')
if (!target) throw new Error('index.html has no #app element')

export default mount(App, {
  target,
  props: { client, settings, navigation, documents, appInfo, reports, calibration, profiles, knownWriting }
})

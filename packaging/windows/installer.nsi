; The Windows installer of the TRTC price estimator: per user, no administrator rights.
;
; Built on Linux by Debian's makensis (`make windows`, packaging/windows/winenv.py installer),
; which passes VERSION, VERSION_QUAD (a.b.c.d), SOURCE_DIR (the onedir bundle), OUT_FILE, ICON
; and INSTALLED_KB. Installs to %LOCALAPPDATA%\Programs\TRTC price estimator, adds a Start menu
; shortcut, a desktop shortcut (a component that can be unticked) and an uninstaller listed in
; Apps & features (HKCU). `setup.exe /S` installs silently, `/D=C:\path` (last) chooses the folder.
;
; The uninstaller removes what was installed and the app's settings file; an autosaved estimate
; that was never saved is a customer's work and stays (the app offers it back on the next start,
; and the recovery folder goes once it is empty).

; a 64-bit installer for a 64-bit app (Debian's NSIS has the amd64 stubs): it also runs where
; 32-bit programs cannot, such as a 64-bit-only Wine
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!define APP_NAME "TRTC price estimator"
!define APP_ID "trtc-estimator"
!define EXE "trtc-estimator.exe"
!define CLI_EXE "trtc-estimator-cli.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
; QSettings(IniFormat, UserScope, "trtc-estimator", "TRTC price estimator") and
; QStandardPaths::AppDataLocation, as estimator_gui/gui/settings.py and recovery.py use them
!define SETTINGS_DIR "$APPDATA\trtc-estimator"
!define DATA_DIR "$APPDATA\trtc-estimator\TRTC price estimator"

Name "${APP_NAME}"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${VERSION} setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "${APP_NAME} contributors"

!include "MUI2.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; the first is the default; Windows' display language picks among them
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Korean"
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString APP_SECTION ${LANG_ENGLISH} "${APP_NAME}"
LangString APP_SECTION ${LANG_KOREAN} "${APP_NAME}"
LangString APP_SECTION ${LANG_SIMPCHINESE} "${APP_NAME}"
LangString DESKTOP_SECTION ${LANG_ENGLISH} "Desktop shortcut"
LangString DESKTOP_SECTION ${LANG_KOREAN} "바탕 화면 바로 가기"
LangString DESKTOP_SECTION ${LANG_SIMPCHINESE} "桌面快捷方式"

Section "!$(APP_SECTION)" SectionApp
  SectionIn RO
  ; an earlier version's libraries must not linger beside this one's; _internal is ours alone
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}/*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" ${INSTALLED_KB}
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "$(DESKTOP_SECTION)" SectionDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
SectionEnd

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "Uninstall"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  ; only what the installer put there: the folder may have been chosen by hand (Documents...)
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"

  Delete "${SETTINGS_DIR}\${APP_NAME}.ini"
  RMDir "${DATA_DIR}\recovery"
  RMDir "${DATA_DIR}"
  RMDir "${SETTINGS_DIR}"
SectionEnd

; Inno Setup 6 script: the Windows installer for the till (issue 13 §4).
;
;   pyinstaller --noconfirm --clean build.spec              (dist\pos-app\ first)
;   iscc /DAppVersion=0.1.0 packaging\windows\pos-app.iss   -> dist\installer\pos-app-setup-0.1.0.exe
;
; The release workflow (.github/workflows/release.yml) runs exactly that on a Windows runner.
; NOT RUN YET: nothing here has been compiled or installed on Windows (see README).
;
; * per machine: Program Files, needs an administrator (shop PCs are set up by IT staff);
; * shortcuts in the Start menu of all users, and in the Startup folder of all users (the till
;   starts when the cashier logs on; a task the installer offers, on by default);
; * uninstalling removes only what it installed: the journal, settings and logs live in each
;   user's data folder (%LOCALAPPDATA%\HalykPOS\pos-app, platformdirs) and the ePay secret in
;   the Windows Credential Locker; both stay, so a reinstall or an update keeps every payment.
;   Nothing is ever written into the program folder (tests/bundle check it), so none is left.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Halyk ePay till"
#define AppExe "pos-app.exe"
#define Bundle "..\..\dist\pos-app"

[Setup]
AppId={{6C3F2B7E-5A4D-4C1E-9B8A-2F7D1E0C9A31}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=HalykPOS
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\HalykPOS\pos-app
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=pos-app-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\pos-app.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "autostart"; Description: "Start the till when a user logs on"; GroupDescription: "Start-up:"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName} (training)"; Filename: "{app}\{#AppExe}"; Parameters: "--training"; WorkingDir: "{app}"
Name: "{autoprograms}\{#AppName} - check (doctor)"; Filename: "{cmd}"; Parameters: "/k ""{app}\pos-app-cli.exe"" doctor"; WorkingDir: "{app}"
Name: "{commonstartup}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: autostart

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start the till now"; Flags: nowait postinstall skipifsilent unchecked

; No [UninstallDelete] and no [Code] that touches user data: see the header.

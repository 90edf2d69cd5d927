from bordermap.cli.main import main

main()
